-- PostgreSQL's V3 adds a partial index on ACT_RU_AUTHORIZATION (db/vendor/postgresql). H2 has no
-- partial indexes, and H2 serves the demo and the tests, whose authorization tables are small:
-- nothing to do here, but the version is taken so that both databases count the same versions.
SELECT 1;
