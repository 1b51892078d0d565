"""The read-by-id and PATCH baselines: a bare ASGI app, the same SQL through asyncpg, the same JSON.

    uvicorn bench.baseline_app:app   (BENCH_DATABASE_URL=postgresql://..., KAFKA_TOPIC_PREFIX=...)

No framework, no middleware, no token check: what GET and PATCH /organisations/{id} cost without
our code. A GET runs the service's statement, which reads the token holder's standing (person,
session) with the organisation; the holder's ids are read from the token's claims, unverified.
A PATCH takes the body's description (JSON) and writes it with its outbox row in one transaction
(`membership_sql`), on the service's topic prefix: the service's relay, up beside it on the same
database, publishes these rows as it publishes its own.
"""

import base64
import json
import os
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from bench.membership_sql import change_description
from membership.adapters.standing_queries import STANDING_WITH_ORGANISATION

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


def _body(row: asyncpg.Record, prefix: str = "", **changed: Any) -> bytes:
    values = {name: row[prefix + name] for name in PUBLIC_FIELDS} | changed
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
    if scope["method"] == "PATCH":
        await _patch(receive, send, organisation_id)
        return
    person_id, session_id = _holder(scope)
    row = await _pool.fetchrow(STANDING_WITH_ORGANISATION, person_id, session_id, None, organisation_id)
    if row is None or row["organisation.id"] is None:
        await _respond(send, 404, b'{"status":404}')
        return
    await _respond(send, 200, _body(row, "organisation."))


def _holder(scope: dict[str, Any]) -> tuple[UUID | None, UUID | None]:
    """The token's subject and session, read from its claims (not verified: no token check)."""
    for name, value in scope["headers"]:
        if name == b"authorization" and value.startswith(b"Bearer "):
            claims = value[7:].split(b".")[1]
            decoded = json.loads(base64.urlsafe_b64decode(claims + b"=" * (-len(claims) % 4)))
            session = decoded.get("sid")
            return UUID(decoded["sub"]), UUID(session) if session else None
    return None, None


async def _patch(receive: Any, send: Any, organisation_id: UUID) -> None:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    try:
        description = json.loads(b"".join(chunks))["description"]
    except (ValueError, KeyError, TypeError):
        await _respond(send, 422, b'{"status":422}')
        return
    assert _pool is not None
    async with _pool.acquire() as connection:
        row = await change_description(
            connection, organisation_id, description, topic_prefix=os.environ.get("KAFKA_TOPIC_PREFIX", "")
        )
    if row is None:
        await _respond(send, 404, b'{"status":404}')
        return
    await _respond(send, 200, _body(row, description=description))
