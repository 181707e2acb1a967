-- The account state of a directory-managed user (ACTIVE, DISABLED, EXPIRED, DELETED), which the
-- login checks: only ACTIVE may log in. The directory sync keeps it; its own migration may create
-- the column first, so this one adds it only where it is missing.
ALTER TABLE samverkan_directory_user ADD COLUMN IF NOT EXISTS state VARCHAR(16) DEFAULT 'ACTIVE' NOT NULL;
