-- The LDAP directory sync (se.samverkan.directory.DirectorySync).
--
-- A directory user's account state as the source last said: ACTIVE, DISABLED (e.g. Active
-- Directory's userAccountControl bit 0x2), EXPIRED (accountExpires in the past) or DELETED (no longer
-- in the directory). Only ACTIVE users hold functions; the Camunda account of the others is kept so
-- that the history keeps their names, and a login is refused for them.
ALTER TABLE samverkan_directory_user ADD COLUMN IF NOT EXISTS account_state VARCHAR(16) DEFAULT 'ACTIVE' NOT NULL;
ALTER TABLE samverkan_directory_user ADD COLUMN IF NOT EXISTS account_state_since TIMESTAMP;
-- One node syncs at a time: a lease on this one row (holder and until when), taken before a sync
-- reads the directories and given back after it; a node that died leaves it to expire.
CREATE TABLE IF NOT EXISTS samverkan_directory_lock (
  id INTEGER PRIMARY KEY,
  holder VARCHAR(255),
  locked_until TIMESTAMP
);
INSERT INTO samverkan_directory_lock (id)
SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM samverkan_directory_lock WHERE id = 1);
-- Each source's last sync: OK, FAILED (unreachable, partial, timed out) or HELD (the mass-removal
-- valve), so that a failure or a hold is recorded and mailed once, not every minute.
CREATE TABLE IF NOT EXISTS samverkan_directory_source_state (
  source VARCHAR(64) PRIMARY KEY,
  status VARCHAR(16) NOT NULL,
  detail VARCHAR(2000),
  last_attempt_at TIMESTAMP NOT NULL,
  last_success_at TIMESTAMP
);
CREATE INDEX IF NOT EXISTS samverkan_directory_change_user ON samverkan_directory_change (user_id);
CREATE INDEX IF NOT EXISTS samverkan_directory_membership_source ON samverkan_directory_membership (source);
