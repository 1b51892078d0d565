#!/usr/bin/env bash
# Runs a real PostgreSQL server (Debian's package) with one database and one login role per
# service. Usage: postgres.sh up|down|status
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
# PostgreSQL refuses to run as root, so the server runs as the Debian 'postgres' user; its data
# lives where that user can reach it whatever folder the repo was cloned into.
PG_DATA="${PG_DATA:-/var/lib/cloth-platform/postgres-$PG_VERSION-$PG_PORT}"
# The server writes its log beside its data (a folder the postgres user can write); a link
# in the project's log folder points to it.
LOG="$(dirname "$PG_DATA")/postgres-$PG_PORT.log"

as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
running() { [[ -x "$PG_BIN/pg_ctl" ]] && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

install_server() {
  [[ -x "$PG_BIN/postgres" ]] && return 0
  echo "-- installing PostgreSQL $PG_VERSION from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "postgresql-$PG_VERSION" >/dev/null
  # The package starts a cluster of its own on 5432; this project runs its own server instead.
  pg_ctlcluster "$PG_VERSION" main stop 2>/dev/null || true
  systemctl disable postgresql 2>/dev/null || true
}

psql_super() { PGPASSWORD="$PG_SUPERPASSWORD" psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtAX "$@"; }

create_service_databases() {
  for svc in $SERVICES; do
    psql_super -d postgres -c "DO \$\$BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$svc') THEN
        CREATE ROLE $svc LOGIN PASSWORD '$svc' CREATEDB;
      END IF; END\$\$;"
    if [[ -z "$(psql_super -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$svc'")" ]]; then
      psql_super -d postgres -c "CREATE DATABASE $svc OWNER $svc"
    fi
  done
}

up() {
  install_server
  mkdir -p "$(dirname "$PG_DATA")"; chown postgres:postgres "$(dirname "$PG_DATA")" 2>/dev/null || true
  touch "$LOG"; chown postgres "$LOG" 2>/dev/null || true
  ln -sf "$LOG" "$CLOTH_LOG_DIR/postgres.log"
  if ! running; then
    if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
      echo "-- initialising a PostgreSQL cluster in $PG_DATA"
      mkdir -p "$PG_DATA"; chown postgres:postgres "$PG_DATA" "$(dirname "$PG_DATA")"; chmod 700 "$PG_DATA"
      local pwfile; pwfile=$(mktemp); echo "$PG_SUPERPASSWORD" >"$pwfile"; chown postgres "$pwfile"
      as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >>"$LOG" 2>&1
      rm -f "$pwfile"
    fi
    # Tuned for a small development machine running many short transactions.
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$LOG" -w -t 60 start \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=/tmp -c max_connections=300 -c shared_buffers=256MB -c fsync=on -c synchronous_commit=on" >/dev/null
  fi
  wait_for_port 127.0.0.1 "$PG_PORT" 60 postgres
  create_service_databases
  echo "postgres $PG_VERSION listening on 127.0.0.1:$PG_PORT, databases: $SERVICES (log: $LOG)"
}

down() {
  if running; then as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null; echo "postgres stopped"; fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) running && echo "postgres running in $PG_DATA" || { echo "postgres not running"; exit 1; } ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
