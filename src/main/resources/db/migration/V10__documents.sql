-- Documents (se.samverkan.documents): the PDF/A a step fixes when it ends (the signed agreement, the
-- published medborgarlöfte, its yearly follow-up, an EST meeting's record, the styrgrupp's report).
-- Not process variables: a document has its own audience and retention, and history cleanup does not
-- remove it. Written once per instance, kind and occurrence of the step; the bytes never change
-- (sha256 is checked on every read); only diarienummer is set later by the municipality.
CREATE TABLE IF NOT EXISTS samverkan_document (
  id VARCHAR(64) PRIMARY KEY,
  kind VARCHAR(40) NOT NULL,
  title VARCHAR(300) NOT NULL,
  -- the municipality the document is about; NULL for the LPO-wide agreement
  kommun VARCHAR(64),
  lpo VARCHAR(64) NOT NULL,
  process_instance_id VARCHAR(64) NOT NULL,
  business_key VARCHAR(255),
  -- the BPMN element that fixed it, and which occurrence of it (a yearly follow-up recurs)
  step VARCHAR(255) NOT NULL,
  occurrence VARCHAR(64) NOT NULL,
  created_at TIMESTAMP NOT NULL,
  -- SIGNED: the LPO's functions and the county's länsstyrelsen; DETAILS: the municipality and the police
  audience VARCHAR(16) NOT NULL,
  retain_until DATE NOT NULL,
  file_name VARCHAR(200) NOT NULL,
  pdf BYTEA NOT NULL,
  sha256 CHAR(64) NOT NULL,
  diarienummer VARCHAR(40),
  diarienummer_set_by VARCHAR(64),
  diarienummer_set_at TIMESTAMP,
  CONSTRAINT samverkan_document_once UNIQUE (process_instance_id, kind, occurrence)
);
CREATE INDEX IF NOT EXISTS samverkan_document_kommun ON samverkan_document (kommun);
CREATE INDEX IF NOT EXISTS samverkan_document_lpo ON samverkan_document (lpo);
