-- Läget (se.samverkan.overview): one row per user task, kept current by ProjectionPlugin inside the
-- engine's transaction (created, completed, deleted, escalated) and filled from the engine's history by
-- ProjectionRebuild when empty. What the pages count per municipality, LPO, function and quarter; no
-- variables, no case task names (task_name is the model's step name).
CREATE TABLE IF NOT EXISTS samverkan_overview_task (
  task_id VARCHAR(64) PRIMARY KEY,
  process_instance_id VARCHAR(64) NOT NULL,
  process_key VARCHAR(255) NOT NULL,
  task_key VARCHAR(255) NOT NULL,
  task_name VARCHAR(255),
  -- the case's municipality (null for an LPO-wide step) and LPO
  kommun VARCHAR(64),
  lpo VARCHAR(64),
  -- the function responsible: the task's first candidate group when it was created
  funktion VARCHAR(255),
  created_at TIMESTAMP NOT NULL,
  due_at TIMESTAMP,
  ended_at TIMESTAMP,
  -- null while open; 'completed' or 'deleted' (e.g. an EST report not sent before the meeting)
  outcome VARCHAR(16),
  escalated BOOLEAN NOT NULL,
  created_quarter VARCHAR(7) NOT NULL,
  ended_quarter VARCHAR(7)
);
CREATE INDEX IF NOT EXISTS samverkan_overview_task_kommun ON samverkan_overview_task (kommun, process_key);
CREATE INDEX IF NOT EXISTS samverkan_overview_task_lpo ON samverkan_overview_task (lpo, kommun);
CREATE INDEX IF NOT EXISTS samverkan_overview_task_instance ON samverkan_overview_task (process_instance_id);
