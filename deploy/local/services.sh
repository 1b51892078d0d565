#!/usr/bin/env bash
# Runs the four services as local OS processes against the local infrastructure.
# Usage: services.sh up|down|status|env
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

RUN_DIR="$CLOTH_STATE_DIR/run"
VENV="${VENV:-$REPO_ROOT/.venv}"
mkdir -p "$RUN_DIR"

declare -A PORTS=([membership]=8001 [exchange]=8002 [knowledge]=8003 [notifications]=8004)

service_env() { # the environment one service runs with
  local svc=$1 upper; upper=$(echo "$svc" | tr a-z A-Z)
  echo "${upper}_DATABASE_URL=postgresql://$svc:$svc@127.0.0.1:$PG_PORT/$svc"
  echo "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT"
  echo "CLOTH_ENV=development"
  # Services that check access tokens trust membership's published public keys.
  echo "NOTIFICATIONS_AUTH_JWKS_URL=http://127.0.0.1:${PORTS[membership]}/.well-known/jwks.json"
}

running() { [[ -f "$RUN_DIR/$1.pid" ]] && kill -0 "$(cat "$RUN_DIR/$1.pid")" 2>/dev/null; }

up() {
  for svc in $SERVICES; do
    if running "$svc"; then continue; fi
    # shellcheck disable=SC2046
    env $(service_env "$svc") nohup "$VENV/bin/uvicorn" "$svc.main:app" --host 127.0.0.1 \
      --port "${PORTS[$svc]}" --no-access-log >>"$CLOTH_LOG_DIR/$svc.log" 2>&1 &
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
    printf '%-14s http://127.0.0.1:%s   OpenAPI docs: http://127.0.0.1:%s/docs   log: %s\n' \
      "$svc" "${PORTS[$svc]}" "${PORTS[$svc]}" "$CLOTH_LOG_DIR/$svc.log"
  done
}

down() {
  for svc in $SERVICES; do
    if running "$svc"; then
      local pid; pid=$(cat "$RUN_DIR/$svc.pid"); kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -9 "$pid" 2>/dev/null || true
      echo "$svc stopped"
    fi
    rm -f "$RUN_DIR/$svc.pid"
  done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) for svc in $SERVICES; do running "$svc" && echo "$svc running" || echo "$svc stopped"; done ;;
  env) service_env "${2:?service name}" ;;
  *) echo "usage: $0 up|down|status|env SERVICE" >&2; exit 2 ;;
esac
