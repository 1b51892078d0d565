"""The read-by-id baseline: a bare ASGI app, the same SQL through asyncpg, the same JSON.

    uvicorn bench.baseline_app:app   (BENCH_DATABASE_URL=postgresql://...)

No framework, no middleware, no token check: what GET /organisations/{id} costs without our code.
"""

import json
import os
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from membership.adapters.queries import GET_ORGANISATION

PREFIX = "/organisations/"
JSON_HEADERS = [(b"content-type", b"application/json")]
PUBLIC_FIELDS = [
    "id",
    "legal_name",
    "category",
    "cluster_id",
    "country",
    "region",
    "city",
    "latitude",
    "longitude",
    "value_chains",
    "size_band",
    "activities",
    "certifications",
    "languages",
    "website",
    "description",
    "registration_number",
    "status",
    "applied_at",
    "decided_at",
    "rejection_reason",
]

_pool: asyncpg.Pool | None = None


def _json_default(value: Any) -> str:
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    raise TypeError(type(value))


def _body(row: asyncpg.Record) -> bytes:
    values = {name: row[name] for name in PUBLIC_FIELDS}
    for name in ("value_chains", "activities", "certifications", "languages"):
        values[name] = list(values[name] or ())
    return json.dumps(values, default=_json_default, separators=(",", ":")).encode()


async def _respond(send: Any, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status, "headers": JSON_HEADERS})
    await send({"type": "http.response.body", "body": body})


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    global _pool
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                _pool = await asyncpg.create_pool(os.environ["BENCH_DATABASE_URL"], min_size=2, max_size=10)
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if _pool is not None:
                    await _pool.close()
                await send({"type": "lifespan.shutdown.complete"})
                return
    path: str = scope["path"]
    if path == "/health/ready":
        await _respond(send, 200, b'{"status":"ok"}')
        return
    if not path.startswith(PREFIX):
        await _respond(send, 404, b'{"status":404}')
        return
    try:
        organisation_id = UUID(path[len(PREFIX) :])
    except ValueError:
        await _respond(send, 422, b'{"status":422}')
        return
    assert _pool is not None
    row = await _pool.fetchrow(GET_ORGANISATION, organisation_id)
    if row is None:
        await _respond(send, 404, b'{"status":404}')
        return
    await _respond(send, 200, _body(row))
