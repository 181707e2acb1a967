-- SCIM 2.0 provisioning (se.samverkan.directory.ScimStore): what a SCIM source's provider (Entra ID's
-- provisioning, another identity provider) has pushed to /scim/v2/<source>/, as it pushed it. The
-- directory sync applies it like an LDAP directory it has read: users, their state (active or not),
-- and the functions their groups give, with the same source rules, change record and valve.
CREATE TABLE IF NOT EXISTS samverkan_scim_user (
  id VARCHAR(36) PRIMARY KEY,
  source VARCHAR(64) NOT NULL,
  -- the Camunda user id, as the provider sent it; unique per source regardless of case
  user_name VARCHAR(64) NOT NULL,
  user_name_key VARCHAR(64) NOT NULL,
  external_id VARCHAR(255),
  active BOOLEAN NOT NULL,
  given_name VARCHAR(255),
  family_name VARCHAR(255),
  display_name VARCHAR(255),
  email VARCHAR(255),
  created_at TIMESTAMP NOT NULL,
  modified_at TIMESTAMP NOT NULL,
  CONSTRAINT samverkan_scim_user_name UNIQUE (source, user_name_key)
);
CREATE TABLE IF NOT EXISTS samverkan_scim_group (
  id VARCHAR(36) PRIMARY KEY,
  source VARCHAR(64) NOT NULL,
  -- the name a source's functions map to (samverkan.directory.sources.<id>.functions); unique per source regardless of case
  display_name VARCHAR(255) NOT NULL,
  display_name_key VARCHAR(255) NOT NULL,
  external_id VARCHAR(255),
  created_at TIMESTAMP NOT NULL,
  modified_at TIMESTAMP NOT NULL,
  CONSTRAINT samverkan_scim_group_name UNIQUE (source, display_name_key)
);
CREATE TABLE IF NOT EXISTS samverkan_scim_member (
  group_id VARCHAR(36) NOT NULL REFERENCES samverkan_scim_group (id) ON DELETE CASCADE,
  user_id VARCHAR(36) NOT NULL REFERENCES samverkan_scim_user (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX IF NOT EXISTS samverkan_scim_member_user ON samverkan_scim_member (user_id);
