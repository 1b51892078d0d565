#!/usr/bin/env bash
# Runs pytest against real PostgreSQL and Kafka. Uses KAFKA_BOOTSTRAP_SERVERS and
# TEST_DATABASE_ADMIN_URL when both are set; otherwise starts the local servers first.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
source "$here/env.sh"
if [[ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" || -z "${TEST_DATABASE_ADMIN_URL:-}" ]]; then
  bash "$here/infra.sh" up
  set -a; eval "$(bash "$here/infra.sh" env)"; set +a
fi
cd "$REPO_ROOT"
# pytest exits 5 when it collected no test: that is a failure here, as it is in CI.
exec "$REPO_ROOT/.venv/bin/pytest" "$@"
