-- Completing or deleting a task makes Camunda look for its subtasks
-- (select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?), and no Camunda index covers PARENT_TASK_ID_,
-- so every completion reads all open tasks: 4.1 ms per completion with 21,220 open tasks, the largest
-- single cost of a completion in the national benchmark. With this index it is one index lookup.
-- README "Drift i stor skala och kluster".
CREATE INDEX IF NOT EXISTS SAMVERKAN_IDX_TASK_PARENT ON ACT_RU_TASK (PARENT_TASK_ID_);
