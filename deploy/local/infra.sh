#!/usr/bin/env bash
# Brings the local infrastructure (PostgreSQL, Kafka) up or down, and prints how to reach it.
# Usage: infra.sh up|down|status|env
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
source "$here/env.sh"
case "${1:-}" in
  up) bash "$here/postgres.sh" up; bash "$here/kafka.sh" up ;;
  down) bash "$here/kafka.sh" down; bash "$here/postgres.sh" down ;;
  status) bash "$here/postgres.sh" status || true; bash "$here/kafka.sh" status || true ;;
  env) # what the tests need to reach the local servers
    echo "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT"
    echo "TEST_DATABASE_ADMIN_URL=postgresql://postgres:$PG_SUPERPASSWORD@127.0.0.1:$PG_PORT/postgres" ;;
  *) echo "usage: $0 up|down|status|env" >&2; exit 2 ;;
esac
