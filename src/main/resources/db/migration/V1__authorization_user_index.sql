-- Tasklist's task lists under authorization read ACT_RU_AUTHORIZATION for the user's rows OR the rows
-- of the user's groups (Camunda's Authorization.xml: A.USER_ID_ IN (user, '*') OR A.GROUP_ID_ IN (...)).
-- Camunda indexes GROUP_ID_ (ACT_IDX_AUTH_GROUP_ID) but no index of its starts with USER_ID_, so the
-- OR cannot use indexes and every list and count reads the whole table: one row per open task and
-- candidate group, and per historic task until history cleanup (57,269 rows at national scale).
-- With this index PostgreSQL combines the two (BitmapOr). README "Drift i stor skala och kluster".
CREATE INDEX IF NOT EXISTS SAMVERKAN_IDX_AUTH_USER_ID ON ACT_RU_AUTHORIZATION (USER_ID_);
