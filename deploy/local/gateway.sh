#!/usr/bin/env bash
# Runs the gateway (nginx from Debian's packages) as a local process on a loopback port: it serves
# the built web app (web/dist) and routes /api/<service>/ to the services started by services.sh.
# Usage: gateway.sh up|down|status|render
#   GATEWAY_PORT (8080), GATEWAY_WEB_ROOT (web/dist), <SERVICE>_PORT (services.sh's ports) and
#   GATEWAY_STATE (.local/gateway: its prefix, logs and pid) may be set; `render` prints the site config.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

GATEWAY_PORT="${GATEWAY_PORT:-8080}"
GATEWAY_WEB_ROOT="${GATEWAY_WEB_ROOT:-$REPO_ROOT/web/dist}"
GATEWAY_STATE="${GATEWAY_STATE:-$CLOTH_STATE_DIR/gateway}"
GATEWAY_HSTS="${GATEWAY_HSTS:-}"  # local runs are plain HTTP: no HSTS
MEMBERSHIP_UPSTREAM="127.0.0.1:${MEMBERSHIP_PORT:-8001}"
EXCHANGE_UPSTREAM="127.0.0.1:${EXCHANGE_PORT:-8002}"
KNOWLEDGE_UPSTREAM="127.0.0.1:${KNOWLEDGE_PORT:-8003}"
NOTIFICATIONS_UPSTREAM="127.0.0.1:${NOTIFICATIONS_PORT:-8004}"
TEMPLATE="$REPO_ROOT/deploy/gateway/default.conf.template"
NGINX="${NGINX:-/usr/sbin/nginx}"

render() { # the template with our values; nginx's own $variables are left alone
  local text; text="$(cat "$TEMPLATE")"
  for name in GATEWAY_PORT GATEWAY_WEB_ROOT GATEWAY_HSTS MEMBERSHIP_UPSTREAM EXCHANGE_UPSTREAM \
    KNOWLEDGE_UPSTREAM NOTIFICATIONS_UPSTREAM; do
    text="${text//"\${$name}"/${!name}}"
  done
  printf '%s\n' "$text"
}

nginx_() { "$NGINX" -p "$GATEWAY_STATE/" -c "$GATEWAY_STATE/nginx.conf" -e "$GATEWAY_STATE/logs/error.log" "$@"; }

running() { [[ -s "$GATEWAY_STATE/nginx.pid" ]] && kill -0 "$(cat "$GATEWAY_STATE/nginx.pid")" 2>/dev/null; }

up() {
  [[ -x "$NGINX" ]] || { echo "!! nginx is not installed: bash deploy/local/prerequisites.sh" >&2; exit 1; }
  [[ -f "$GATEWAY_WEB_ROOT/index.html" ]] || echo "-- no built app in $GATEWAY_WEB_ROOT yet (npm --prefix web run build)" >&2
  mkdir -p "$GATEWAY_STATE"/{logs,tmp}
  cp "$REPO_ROOT/deploy/gateway/nginx.conf" "$GATEWAY_STATE/nginx.conf"
  render >"$GATEWAY_STATE/site.conf"
  nginx_ -t -q
  if running; then nginx_ -s reload; else nginx_; fi
  wait_for_port 127.0.0.1 "$GATEWAY_PORT" 10 gateway
  echo "web            http://127.0.0.1:$GATEWAY_PORT/   log: $GATEWAY_STATE/logs/"
}

down() {
  if running; then
    nginx_ -s quit
    for _ in $(seq 1 50); do running || break; sleep 0.1; done
    echo "gateway stopped"
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) running && echo "gateway running on http://127.0.0.1:$GATEWAY_PORT/" || echo "gateway stopped" ;;
  render) render ;;
  *) echo "usage: $0 up|down|status|render" >&2; exit 2 ;;
esac
