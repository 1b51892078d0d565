#!/usr/bin/env bash
# Run by the postgres image on the first start of an empty data volume (docker-compose.yml
# mounts it into /docker-entrypoint-initdb.d/). Creates one login role and one database per
# service, each role owning only its own database; passwords come from <SERVICE>_DB_PASSWORD.
set -euo pipefail

for service in membership exchange knowledge notifications; do
  password_variable="${service^^}_DB_PASSWORD"
  password="${!password_variable:?$password_variable is not set}"
  # psql quotes the variables itself (:"name" as an identifier, :'name' as a literal).
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set=service="$service" --set=password="$password" <<'SQL'
CREATE ROLE :"service" LOGIN PASSWORD :'password';
CREATE DATABASE :"service" OWNER :"service";
REVOKE ALL ON DATABASE :"service" FROM PUBLIC;
SQL
done
