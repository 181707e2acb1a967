-- Users and memberships that come from an organisation's directory (se.samverkan.directory).
--
-- Each directory-managed user belongs to exactly one source (a municipality's directory, the
-- police's, a SCIM provisioning client). The account itself is Camunda's (ACT_ID_USER); this row
-- says where it comes from, so that Admin shows it read-only, the sync may change only its own
-- users, and a login through an identity provider is taken only for users of that provider's source.
-- A user without a row here is a local account (the administrator, service accounts).
CREATE TABLE IF NOT EXISTS samverkan_directory_user (
  user_id VARCHAR(64) PRIMARY KEY,
  source VARCHAR(64) NOT NULL,
  -- the user's identity in the source: an LDAP DN, a SCIM id
  external_id VARCHAR(1024),
  first_synced_at TIMESTAMP NOT NULL,
  last_synced_at TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS samverkan_directory_user_source ON samverkan_directory_user (source);
-- The memberships (functions) a source gave; only these may it take away again. A membership
-- without a row here was given by hand (Admin) and is left alone by every sync.
CREATE TABLE IF NOT EXISTS samverkan_directory_membership (
  user_id VARCHAR(64) NOT NULL,
  group_id VARCHAR(255) NOT NULL,
  source VARCHAR(64) NOT NULL,
  PRIMARY KEY (user_id, group_id)
);
-- Every change a sync made or held back: who, what, which source, when.
CREATE TABLE IF NOT EXISTS samverkan_directory_change (
  id VARCHAR(36) PRIMARY KEY,
  changed_at TIMESTAMP NOT NULL,
  source VARCHAR(64) NOT NULL,
  user_id VARCHAR(64),
  group_id VARCHAR(255),
  -- e.g. USER_CREATED, USER_UPDATED, USER_DISABLED, USER_DELETED, MEMBERSHIP_ADDED,
  -- MEMBERSHIP_REMOVED, COLLISION, REFUSED_FUNCTION, SYNC_HELD, SYNC_FAILED
  change_kind VARCHAR(32) NOT NULL,
  detail VARCHAR(2000),
  node VARCHAR(255)
);
CREATE INDEX IF NOT EXISTS samverkan_directory_change_at ON samverkan_directory_change (changed_at);
