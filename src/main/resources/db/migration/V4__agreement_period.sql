-- One samverkansprocess per LPO and agreement period, also when two starts race (one on each node):
-- every start of the samverkansprocess inserts its pair in the start's own transaction
-- (agreement/AgreementPeriods), and the primary key refuses the second. Rows stay when the instance
-- ends: an ended period is not started again. README "Säkerhet och drift", starts.
CREATE TABLE IF NOT EXISTS samverkan_agreement_period (
  lpo VARCHAR(255) NOT NULL,
  period VARCHAR(255) NOT NULL,
  process_instance_id VARCHAR(255) NOT NULL,
  claimed_at TIMESTAMP NOT NULL,
  CONSTRAINT samverkan_agreement_period_pk PRIMARY KEY (lpo, period)
);
-- The periods of the samverkansprocesses started before this version (business key "<lpo> <period>"),
-- the first instance of each.
INSERT INTO samverkan_agreement_period (lpo, period, process_instance_id, claimed_at)
SELECT SUBSTRING(h.BUSINESS_KEY_ FROM 1 FOR POSITION(' ' IN h.BUSINESS_KEY_) - 1),
       SUBSTRING(h.BUSINESS_KEY_ FROM POSITION(' ' IN h.BUSINESS_KEY_) + 1),
       h.PROC_INST_ID_, h.START_TIME_
FROM ACT_HI_PROCINST h
WHERE h.PROC_DEF_KEY_ = 'samverkansprocess' AND POSITION(' ' IN h.BUSINESS_KEY_) > 1
  AND LENGTH(h.BUSINESS_KEY_) <= 255
  AND h.ID_ = (SELECT MIN(h2.ID_) FROM ACT_HI_PROCINST h2
               WHERE h2.PROC_DEF_KEY_ = 'samverkansprocess' AND h2.BUSINESS_KEY_ = h.BUSINESS_KEY_);
