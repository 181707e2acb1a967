-- Samverkan's own tables that the beans used to create in their constructors (at every start, in
-- prod too). Databases from before this version already have them, so every statement leaves an
-- existing table as it is; the definitions are the ones the constructors used, so new and existing
-- databases end up with the same tables.
--
-- The mail outbox (notification/MailOutbox): a process step writes a row in its own transaction,
-- the sender delivers it later and retries failures; claim_token is the sender that claimed a row.
CREATE TABLE IF NOT EXISTS samverkan_mail_outbox (
  id VARCHAR(36) PRIMARY KEY,
  kind VARCHAR(32) NOT NULL,
  recipient_user VARCHAR(255),
  recipient_email VARCHAR(255) NOT NULL,
  task_id VARCHAR(64),
  subject VARCHAR(500) NOT NULL,
  body VARCHAR(8000) NOT NULL,
  created_at TIMESTAMP NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at TIMESTAMP NOT NULL,
  sent_at TIMESTAMP,
  last_error VARCHAR(1000),
  claim_token VARCHAR(36)
);
-- Outboxes created before senders claimed their mails.
ALTER TABLE samverkan_mail_outbox ADD COLUMN IF NOT EXISTS claim_token VARCHAR(36);
-- The holders of each function at the last membership reconciliation (handover/MembershipReconciler):
-- whoever is no longer among them has left the function.
CREATE TABLE IF NOT EXISTS samverkan_function_holder (
  group_id VARCHAR(255) NOT NULL,
  user_id VARCHAR(255) NOT NULL,
  PRIMARY KEY (group_id, user_id)
);
-- The row that the reconciliation's units lock (select ... for update, handover/FunctionReconciliation)
-- so that two nodes never run the same part at the same time: exactly one row, id 1.
CREATE TABLE IF NOT EXISTS samverkan_reconciliation_lock (
  id INTEGER PRIMARY KEY
);
INSERT INTO samverkan_reconciliation_lock (id)
SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM samverkan_reconciliation_lock WHERE id = 1);
