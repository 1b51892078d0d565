"""PATCH /organisations/{id}'s writes without our code: lock, update the profile, one outbox row.

The PATCH baselines run it: `sql_driver` (the statements alone) and `baseline_app` (the same,
answered over HTTP). The outbox row carries what the service's writer puts in it (envelope and
headers, CloudEvents ones included), so a relay publishing it does the service's publishing work.
"""

import json
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

import asyncpg

from cloth_shared.outbox.writer import INSERT_OUTBOX_ROW
from membership.adapters import queries

EVENT_TYPE = "OrganisationProfileUpdated"


async def change_description(
    connection: asyncpg.Connection, organisation_id: UUID, description: str, *, topic_prefix: str = ""
) -> asyncpg.Record | None:
    """The organisation's row as it was locked (None if there is none); the new description and
    version are written with its outbox row in one transaction."""
    async with connection.transaction():
        row = await connection.fetchrow(queries.GET_ORGANISATION_FOR_UPDATE, organisation_id)
        if row is None:
            return None
        version = row["version"] + 1
        await connection.execute(
            queries.UPDATE_ORGANISATION_PROFILE,
            row["id"],
            row["legal_name"],
            row["region"],
            row["city"],
            row["latitude"],
            row["longitude"],
            row["value_chains"],
            row["size_band"],
            row["activities"],
            row["certifications"],
            row["languages"],
            row["website"],
            description,
            version,
        )
        envelope, headers = _event(row, description)
        await connection.execute(
            INSERT_OUTBOX_ROW,
            UUID(envelope["event_id"]),
            EVENT_TYPE,
            f"{topic_prefix}membership.organisations",
            str(row["id"]),
            json.dumps(envelope),
            json.dumps(headers),
        )
    return row


def _event(row: asyncpg.Record, description: str) -> tuple[dict[str, Any], dict[str, str]]:
    event_id = str(uuid4())
    occurred_at = datetime.now(UTC).isoformat()
    correlation_id = str(uuid4())
    envelope = {
        "event_id": event_id,
        "event_type": EVENT_TYPE,
        "event_version": 1,
        "occurred_at": occurred_at,
        "producer": "membership",
        "correlation_id": correlation_id,
        "causation_id": None,
        "subject_key": str(row["id"]),
        "payload": {"organisation": _snapshot(row, description)},
    }
    headers = {
        "event_type": EVENT_TYPE,
        "event_version": "1",
        "event_id": event_id,
        "correlation_id": correlation_id,
        "ce_specversion": "1.0",
        "ce_id": event_id,
        "ce_source": "/cloth/membership",
        "ce_type": f"cloth.membership.{EVENT_TYPE}.v1",
        "ce_time": occurred_at,
        "ce_subject": str(row["id"]),
    }
    return envelope, headers


def _snapshot(row: asyncpg.Record, description: str) -> dict[str, Any]:
    """The organisation as the event's snapshot carries it (`OrganisationSnapshot`)."""
    return {
        "organisation_id": str(row["id"]),
        "legal_name": row["legal_name"],
        "category": row["category"],
        "cluster_id": str(row["cluster_id"]),
        "country": row["country"],
        "region": row["region"],
        "city": row["city"],
        "latitude": row["latitude"],
        "longitude": row["longitude"],
        "value_chains": list(row["value_chains"] or ()),
        "size_band": row["size_band"],
        "languages": list(row["languages"] or ()),
        "website": row["website"],
        "activities": list(row["activities"] or ()),
        "certifications": list(row["certifications"] or ()),
        "description": description,
    }
