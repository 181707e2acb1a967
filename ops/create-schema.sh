#!/usr/bin/env bash
# Creates the Camunda schema in an EMPTY PostgreSQL database, once, before the first start with the
# prod profile (which never changes the schema itself). The scripts are Camunda's own, taken from the
# camunda-engine jar inside the Samverkan jar, in the order the engine itself runs them.
#
#   PGHOST=db.example PGUSER=samverkan PGDATABASE=samverkan ops/create-schema.sh target/samverkan-*.jar
#
# Connection settings come from the usual psql variables (PGHOST, PGPORT, PGUSER, PGPASSWORD,
# PGDATABASE). The whole schema is created in one transaction: on any error nothing is left behind.
set -euo pipefail

jar="${1:?usage: ops/create-schema.sh <samverkan jar or camunda-engine jar>}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

engine_jar="$jar"
if unzip -l "$jar" | grep -q 'BOOT-INF/lib/camunda-engine-[0-9]'; then
  entry=$(unzip -Z1 "$jar" | grep -E '^BOOT-INF/lib/camunda-engine-[0-9][^/]*\.jar$')
  unzip -q -o "$jar" "$entry" -d "$work"
  engine_jar="$work/$entry"
fi

components=(engine history identity case.engine case.history decision.engine decision.history)
files=()
for component in "${components[@]}"; do
  path="org/camunda/bpm/engine/db/create/activiti.postgres.create.${component}.sql"
  unzip -q -o "$engine_jar" "$path" -d "$work"
  files+=(-f "$work/$path")
done

if [ "$(psql -v ON_ERROR_STOP=1 -qtA -c "select count(*) from information_schema.tables where lower(table_name) = 'act_ge_property'")" != "0" ]; then
  echo "The database already holds a Camunda schema; nothing done." >&2
  exit 1
fi
psql -v ON_ERROR_STOP=1 -q --single-transaction "${files[@]}"
echo "Camunda schema created: version $(psql -qtA -c "select version_ from act_ge_schema_log order by timestamp_ desc, id_ desc limit 1")"
