-- Drafts of a task's form (se.samverkan.drafts): what a holder of the function saved with "Spara"
-- in Tasklist, for everyone who may work on the task, kept through a handover. Not task variables:
-- only a completion sets variables. Read and written only through the engine's view of the task
-- (who may see it, who may work on it); removed when the task is gone.
CREATE TABLE IF NOT EXISTS samverkan_task_draft (
  task_id VARCHAR(64) PRIMARY KEY,
  -- the form's values as Tasklist's form holds them (JSON), only the fields the form lets one edit
  draft_values TEXT NOT NULL,
  saved_by VARCHAR(64) NOT NULL,
  saved_at TIMESTAMP NOT NULL
);
