-- With historic instance permissions on (application.yaml), every completed task leaves a read grant
-- for each of its candidate groups (resource HISTORIC_TASK, 19) until history cleanup: 22,297 rows
-- for one municipality's samordnare in the national benchmark. Every Tasklist list, count and list
-- column checks the user's groups against ACT_RU_AUTHORIZATION once per task, for resource types
-- below 19 only (task, process definition, process instance), and PostgreSQL combines the index of
-- the group's rows (ACT_IDX_AUTH_GROUP_ID, all 22,297 of them) with the resource id's: 0.4-0.7 ms per
-- task. This partial index holds only the rows those checks can match; PostgreSQL uses it because
-- the checks' resource types imply its condition. README "Drift i stor skala och kluster".
-- PostgreSQL only: H2 has no partial indexes (db/vendor/h2/V3 does nothing).
CREATE INDEX IF NOT EXISTS SAMVERKAN_IDX_AUTH_GROUP_RUNTIME ON ACT_RU_AUTHORIZATION (GROUP_ID_)
  WHERE RESOURCE_TYPE_ < 19;
