-- Läget (se.samverkan.overview): one row per process instance (a case), kept by ProjectionPlugin as the
-- instance starts and ends, filled from the engine's history by ProjectionRebuild when it has fewer
-- rows than history has instances. How a page finds a municipality's latest cases of one process
-- (agreements by LPO, promises, EST cycles, styrgrupp reviews) without searching history by variable.
CREATE TABLE IF NOT EXISTS samverkan_overview_case (
  process_instance_id VARCHAR(64) PRIMARY KEY,
  process_key VARCHAR(255) NOT NULL,
  -- the case's municipality (null for an LPO-wide case) and LPO, by the rules of the task rows
  kommun VARCHAR(64),
  lpo VARCHAR(64),
  started_at TIMESTAMP NOT NULL,
  ended_at TIMESTAMP
);
CREATE INDEX IF NOT EXISTS samverkan_overview_case_kommun ON samverkan_overview_case (kommun, process_key, started_at);
CREATE INDEX IF NOT EXISTS samverkan_overview_case_lpo ON samverkan_overview_case (lpo, process_key, started_at);
