#!/usr/bin/env bash
# Regenerates the typed API clients: each service's OpenAPI document (from its FastAPI app, no
# server needed) and its TypeScript types (openapi-typescript) in src/api/.
# With --check, writes nothing and exits 1 when a committed document or type file is out of date.
set -euo pipefail
web="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-$web/../.venv/bin/python}"
services="membership exchange knowledge notifications"

generate() { # into folder $1: the documents, then the types from them
  "$python" "$web/scripts/dump_openapi.py" --out "$1"
  for svc in $services; do
    "$web/node_modules/.bin/openapi-typescript" "$1/$svc.openapi.json" -o "$1/$svc.d.ts" >/dev/null
  done
}

if [[ "${1:-}" == --check ]]; then
  scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
  generate "$scratch"
  stale=0
  for svc in $services; do
    for file in "$svc.openapi.json" "$svc.d.ts"; do
      if ! cmp -s "$scratch/$file" "$web/src/api/$file"; then echo "out of date: web/src/api/$file" >&2; stale=1; fi
    done
  done
  ((stale == 0)) || { echo "run: npm --prefix web run gen:api" >&2; exit 1; }
  echo "API types match the services' OpenAPI documents"
else
  generate "$web/src/api"
fi
