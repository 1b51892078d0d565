#!/usr/bin/env bash
# Runs the four services as local OS processes against the local infrastructure.
# Usage: services.sh up|down|status|env SERVICE|serve SERVICE [PORT]
#
# Each service runs CLOTH_WORKERS worker processes (per service: CLOTH_<SERVICE>_WORKERS) under
# CLOTH_SERVER: uvicorn (uvloop, httptools) or granian (a Rust HTTP server; a dev tool, installed
# by hand, not a dependency). `serve` runs CLOTH_APP instead of the service's app when set (the
# benchmark's baseline app runs under exactly the same server). Two workers measured best on a 2-core
# machine (bench/README.md). Workers of one service are replicas with the same configuration a
# Kubernetes replica gets: one signing key for all of membership's workers (a token signed by
# one verifies in the others), migrations serialised by an advisory lock, one worker's outbox
# relay holding the seat and publishing while the others stand by, and the consumer group's
# partitions shared.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

RUN_DIR="$CLOTH_STATE_DIR/run"
VENV="${VENV:-$REPO_ROOT/.venv}"
CLOTH_SERVER="${CLOTH_SERVER:-uvicorn}"
CLOTH_WORKERS="${CLOTH_WORKERS:-2}"
# Connections per worker; PostgreSQL on 2 cores gains nothing from more concurrent queries.
CLOTH_DATABASE_POOL_MAX="${CLOTH_DATABASE_POOL_MAX:-10}"
mkdir -p "$RUN_DIR"

# <SERVICE>_PORT moves a service (a second platform beside the developer's, e.g. the browser tests).
declare -A PORTS=([membership]=${MEMBERSHIP_PORT:-8001} [exchange]=${EXCHANGE_PORT:-8002}
  [knowledge]=${KNOWLEDGE_PORT:-8003} [notifications]=${NOTIFICATIONS_PORT:-8004})

upper() { echo "$1" | tr a-z A-Z; }

workers_for() {
  local var; var="CLOTH_$(upper "$1")_WORKERS"
  echo "${!var:-$CLOTH_WORKERS}"
}

service_env() { # the environment one service runs with; variables already set win
  local svc=$1 up; up=$(upper "$svc")
  local url_var="${up}_DATABASE_URL" pool_var="${up}_DATABASE_POOL_MAX"
  echo "${url_var}=${!url_var:-postgresql://$svc:$svc@127.0.0.1:$PG_PORT/$svc}"
  echo "${pool_var}=${!pool_var:-$CLOTH_DATABASE_POOL_MAX}"
  echo "KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$KAFKA_PORT}"
  echo "CLOTH_ENV=${CLOTH_ENV:-development}"
  # Services that check access tokens trust membership's published public keys.
  local jwks_var="${up}_AUTH_JWKS_URL"
  [[ $svc == membership ]] || echo "${jwks_var}=${!jwks_var:-http://127.0.0.1:${PORTS[membership]}/.well-known/jwks.json}"
  # Notifications sends e-mail to the local mailbox (mailbox.sh), which keeps it under .local/mail/.
  [[ $svc != notifications ]] || echo "NOTIFICATIONS_SMTP_PORT=${NOTIFICATIONS_SMTP_PORT:-${MAILBOX_PORT:-1025}}"
  # Certificates' QR codes hold <this>/certificates/verify/<code>: behind the gateway that is the
  # web app's verification page (which asks the API), not the service's bare JSON.
  [[ $svc != knowledge ]] || echo "KNOWLEDGE_PUBLIC_BASE_URL=${KNOWLEDGE_PUBLIC_BASE_URL:-http://127.0.0.1:${GATEWAY_PORT:-8080}}"
}

signing_key() { # development only: one key for every membership worker, kept across restarts
  local file="$CLOTH_STATE_DIR/membership-signing-key.pem"
  if [[ ! -s "$file" ]]; then
    (umask 077; "$VENV/bin/python" -c \
      'from membership.adapters.tokens import generate_private_key_pem as g; print(g(), end="")' >"$file")
  fi
  cat "$file"
}

serve() { # run one service in the foreground: services.sh serve SERVICE [PORT]
  local svc=${1:?service name} port=${2:-}
  port=${port:-${PORTS[$svc]}}
  while IFS= read -r line; do export "${line?}"; done < <(service_env "$svc")
  if [[ "$svc" == membership && -z "${MEMBERSHIP_SIGNING_KEY_PEM:-}" && "$CLOTH_ENV" == development ]]; then
    MEMBERSHIP_SIGNING_KEY_PEM="$(signing_key)"; export MEMBERSHIP_SIGNING_KEY_PEM
  fi
  local workers app; workers=$(workers_for "$svc"); app="${CLOTH_APP:-$svc.main:app}"
  case "$CLOTH_SERVER" in
    uvicorn)
      exec "$VENV/bin/uvicorn" "$app" --host 127.0.0.1 --port "$port" --workers "$workers" \
        --loop uvloop --http httptools --no-access-log --no-server-header ;;
    granian)
      exec "$VENV/bin/granian" --interface asgi --host 127.0.0.1 --port "$port" --workers "$workers" \
        --loop uvloop --runtime-mode st --no-access-log "$app" ;;
    *) echo "unknown CLOTH_SERVER=$CLOTH_SERVER (uvicorn|granian)" >&2; exit 2 ;;
  esac
}

running() { [[ -f "$RUN_DIR/$1.pid" ]] && kill -0 "$(cat "$RUN_DIR/$1.pid")" 2>/dev/null; }

up() {
  bash "$(dirname "${BASH_SOURCE[0]}")/mailbox.sh" up
  for svc in $SERVICES; do
    if running "$svc"; then continue; fi
    nohup bash "${BASH_SOURCE[0]}" serve "$svc" >>"$CLOTH_LOG_DIR/$svc.log" 2>&1 &
    echo $! >"$RUN_DIR/$svc.pid"
  done
  for svc in $SERVICES; do
    local deadline=$((SECONDS + 90))
    until curl -fsS "http://127.0.0.1:${PORTS[$svc]}/health/ready" >/dev/null 2>&1; do
      if ! running "$svc" || ((SECONDS > deadline)); then
        echo "!! $svc did not become ready; last log lines:" >&2; tail -20 "$CLOTH_LOG_DIR/$svc.log" >&2; exit 1
      fi
      sleep 0.3
    done
    printf '%-14s http://127.0.0.1:%s   OpenAPI docs: http://127.0.0.1:%s/docs   workers: %s   log: %s\n' \
      "$svc" "${PORTS[$svc]}" "${PORTS[$svc]}" "$(workers_for "$svc")" "$CLOTH_LOG_DIR/$svc.log"
  done
}

down() {
  for svc in $SERVICES; do
    if running "$svc"; then
      # The server's supervisor stops its workers on SIGTERM (graceful shutdown).
      local pid; pid=$(cat "$RUN_DIR/$svc.pid"); kill "$pid"
      for _ in $(seq 1 75); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -9 "$pid" 2>/dev/null || true
      echo "$svc stopped"
    fi
    rm -f "$RUN_DIR/$svc.pid"
  done
  bash "$(dirname "${BASH_SOURCE[0]}")/mailbox.sh" down
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) bash "$(dirname "${BASH_SOURCE[0]}")/mailbox.sh" status; for svc in $SERVICES; do running "$svc" && echo "$svc running ($(workers_for "$svc") workers)" || echo "$svc stopped"; done ;;
  env) service_env "${2:?service name}" ;;
  serve) shift; serve "$@" ;;
  *) echo "usage: $0 up|down|status|env SERVICE|serve SERVICE [PORT]" >&2; exit 2 ;;
esac
