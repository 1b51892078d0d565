"""Adds events to the outbox inside the caller's transaction."""

from typing import Any
from uuid import UUID

import asyncpg

from cloth_shared.context import current_causation_id, current_correlation_id
from cloth_shared.contracts.envelope import Event, EventEnvelope, wrap
from cloth_shared.messaging.cloudevents import cloudevents_headers
from cloth_shared.outbox.tombstone import TOMBSTONE_TYPE, Tombstone

INSERT_OUTBOX_ROW = """
INSERT INTO outbox (event_id, event_type, topic, message_key, envelope, headers)
VALUES ($1, $2, $3, $4, $5, $6)
"""

# The JSON `null` envelope is what the relay publishes as a null value (see outbox/tombstone.py).
INSERT_TOMBSTONE_ROW = """
INSERT INTO outbox (event_id, event_type, topic, message_key, envelope, headers)
VALUES ($1, $2, $3, $4, 'null'::jsonb, '{}'::jsonb)
"""


class OutboxWriter:
    """Writes an event row on the same connection, so it commits or rolls back with the state."""

    def __init__(self, *, producer: str, topic_prefix: str = "") -> None:
        self._producer = producer
        self._topic_prefix = topic_prefix

    async def add(
        self,
        connection: asyncpg.Connection,
        event: Event,
        *,
        correlation_id: str | None = None,
        causation_id: UUID | None = None,
    ) -> EventEnvelope[dict[str, Any]]:
        """Correlation and causation default to the current flow's (see cloth_shared.context)."""
        assert connection.is_in_transaction(), "outbox rows must be written inside the use case's transaction"
        if isinstance(event, Tombstone):
            return await self._add_tombstone(connection, event)
        envelope = wrap(
            event,
            producer=self._producer,
            correlation_id=correlation_id or current_correlation_id(),
            causation_id=causation_id if correlation_id else current_causation_id(),
        )
        headers = {
            "event_type": envelope.event_type,
            "event_version": str(envelope.event_version),
            "event_id": str(envelope.event_id),
            "correlation_id": envelope.correlation_id,
            **cloudevents_headers(envelope),
        }
        await connection.execute(
            INSERT_OUTBOX_ROW,
            envelope.event_id,
            envelope.event_type,
            f"{self._topic_prefix}{event.topic}",
            envelope.subject_key,
            envelope.model_dump(mode="json"),
            headers,
        )
        return envelope

    async def _add_tombstone(
        self, connection: asyncpg.Connection, tombstone: Tombstone
    ) -> EventEnvelope[dict[str, Any]]:
        envelope = wrap(tombstone, producer=self._producer, correlation_id=current_correlation_id())
        topic = f"{self._topic_prefix}{tombstone.on_topic}"
        await connection.execute(
            INSERT_TOMBSTONE_ROW, envelope.event_id, TOMBSTONE_TYPE, topic, tombstone.key
        )
        return envelope
