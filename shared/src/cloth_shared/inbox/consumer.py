"""Runs one consumed event's effect exactly once, with bounded retries and a dead-letter topic.

Delivery is at-least-once (see design/messaging.md). For each message:
- it is decoded by us, not by FastStream, so a malformed message is parked, not retried;
- the effect and the event id's row in `processed_events` commit in one transaction, so a
  redelivered event finds its id and has no second effect;
- a failing effect is retried with exponential backoff, then parked in `<topic>.dlq` with the
  error in headers, and the partition moves on;
- when the database itself is unreachable nothing is parked: the handler raises, FastStream
  (NACK_ON_ERROR) seeks back without committing, and the message comes again.
"""

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import asyncpg
import structlog
from aiokafka import ConsumerRecord
from prometheus_client import Counter

from cloth_shared.context import bind_flow
from cloth_shared.contracts.codec import UndecodableEvent, UnknownEvent, decode
from cloth_shared.contracts.envelope import Event, EventEnvelope
from cloth_shared.contracts.topics import dead_letter_topic
from cloth_shared.db import TRANSIENT_DATABASE_ERRORS
from cloth_shared.messaging.producer import OutgoingRecord, ResilientProducer

log = structlog.get_logger(__name__)

Envelope = EventEnvelope[dict[str, Any]]
EffectHandler = Callable[[asyncpg.Connection, Envelope, Any], Awaitable[None]]

EFFECTS = Counter("inbox_effects_applied_total", "Events whose effect was applied", ["consumer"])
DUPLICATES = Counter("inbox_duplicates_suppressed_total", "Redelivered events dropped", ["consumer"])
DEAD_LETTERS = Counter("inbox_dead_lettered_total", "Messages parked in a dead-letter topic", ["consumer"])
IGNORED = Counter("inbox_ignored_total", "Events this consumer has no handler for", ["consumer"])

RECORD_PROCESSED = """
INSERT INTO processed_events (consumer, event_id, event_type) VALUES ($1, $2, $3)
ON CONFLICT DO NOTHING RETURNING 1
"""


class InboxConsumer:
    def __init__(
        self,
        *,
        name: str,
        pool: asyncpg.Pool,
        handlers: Mapping[type[Event], EffectHandler],
        dead_letters: ResilientProducer,
        max_attempts: int = 5,
        backoff_seconds: float = 0.2,
        unavailable_pause_seconds: float = 1.0,
    ) -> None:
        self.name = name
        self._pool = pool
        self._handlers = dict(handlers)
        self._dead_letters = dead_letters
        self._max_attempts = max_attempts
        self._backoff = backoff_seconds
        self._unavailable_pause = unavailable_pause_seconds

    async def handle(self, record: ConsumerRecord[Any, Any]) -> None:
        """Process one Kafka record; returning means its offset may be committed."""
        try:
            envelope, event = decode(record.value)
        except UndecodableEvent as error:
            await self._park(record, error, attempts=1)
            return
        except UnknownEvent as unknown:
            self._ignore(unknown.envelope.event_type)
            return
        handler = self._handlers.get(type(event))
        if handler is None:
            self._ignore(envelope.event_type)
            return
        bind_flow(envelope.correlation_id, envelope.event_id)
        await self._apply_with_retries(record, envelope, event, handler)

    async def _apply_with_retries(
        self, record: ConsumerRecord[Any, Any], envelope: Envelope, event: Event, handler: EffectHandler
    ) -> None:
        for attempt in range(1, self._max_attempts + 1):
            try:
                await self._apply_once(envelope, event, handler)
                return
            except TRANSIENT_DATABASE_ERRORS:
                log.warning("inbox_database_unavailable", consumer=self.name, event_id=str(envelope.event_id))
                await asyncio.sleep(self._unavailable_pause)
                raise
            except Exception as error:
                if attempt == self._max_attempts:
                    await self._park(record, error, attempts=attempt)
                    return
                log.info("inbox_retry", consumer=self.name, attempt=attempt, error=repr(error))
                await asyncio.sleep(self._backoff * 2 ** (attempt - 1))

    async def _apply_once(self, envelope: Envelope, event: Event, handler: EffectHandler) -> None:
        async with self._pool.acquire() as connection, connection.transaction():
            first_time = await connection.fetchval(
                RECORD_PROCESSED, self.name, envelope.event_id, envelope.event_type
            )
            if first_time is None:
                DUPLICATES.labels(self.name).inc()
                return
            await handler(connection, envelope, event)
        EFFECTS.labels(self.name).inc()

    async def _park(self, record: ConsumerRecord[Any, Any], error: Exception, *, attempts: int) -> None:
        """Send the original message to the dead-letter topic; raise if that fails (redelivery)."""
        headers = [
            *(record.headers or ()),
            ("dlq_consumer", self.name.encode()),
            ("dlq_error_type", type(error).__name__.encode()),
            ("dlq_error", str(error)[:2000].encode()),
            ("dlq_attempts", str(attempts).encode()),
            ("dlq_original_topic", record.topic.encode()),
            ("dlq_original_partition", str(record.partition).encode()),
            ("dlq_original_offset", str(record.offset).encode()),
        ]
        await self._dead_letters.send_batch(
            [OutgoingRecord(dead_letter_topic(record.topic), record.key or b"", record.value or b"", headers)]
        )
        DEAD_LETTERS.labels(self.name).inc()
        log.error(
            "inbox_dead_lettered",
            consumer=self.name,
            topic=record.topic,
            offset=record.offset,
            attempts=attempts,
            error=repr(error),
        )

    def _ignore(self, event_type: str) -> None:
        IGNORED.labels(self.name).inc()
        log.debug("inbox_ignored", consumer=self.name, event_type=event_type)
