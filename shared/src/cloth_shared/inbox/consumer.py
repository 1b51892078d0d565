"""Runs each consumed event's effect exactly once, with bounded retries and a dead-letter topic.

Delivery is at-least-once (see design/messaging.md). Handlers are use cases: they receive the
service's unit of work, the envelope and the event, change state and emit events through the
unit of work, and never commit — the inbox does. For each polled batch:
- every message is decoded by us, not by FastStream, so a malformed one is parked, not retried;
  a null value (a tombstone on a compacted topic) is skipped: it carries nothing to do;
  an event type this code does not know is logged at warning level and counted;
- the batch's effects, one `processed_events` row per event (all recorded by one statement) and
  the events they emit commit in ONE transaction (one commit and one offset commit per batch,
  not per event); a redelivered event finds its id and has no second effect;
- a use case wrapped in `AppliedTogether` receives each run of adjacent events it handles in one
  call, so it can read and write with a few set-based statements instead of several per event;
- if any effect in the batch fails, that transaction is rolled back and the batch is applied
  again one event per transaction (a failing run too), so the others still take effect; a
  failing effect is retried with exponential backoff, then parked in `<topic>.dlq` and the partition moves on;
- when the database itself is unreachable nothing is parked: the handler raises, FastStream
  (NACK_ON_ERROR) seeks back without committing, and the batch comes again;
- a consumer may say which batches have any effect (`has_effect`): one that has none is
  acknowledged without a transaction. There is nothing to apply once, so no inbox row to keep;
  a redelivery asks again.
"""

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import structlog
from aiokafka import ConsumerRecord
from prometheus_client import Counter

from cloth_shared.context import bind_flow
from cloth_shared.contracts.codec import UndecodableEvent, UnknownEvent, decode
from cloth_shared.contracts.envelope import Event, EventEnvelope
from cloth_shared.db import TRANSIENT_DATABASE_ERRORS
from cloth_shared.inbox.dead_letters import park
from cloth_shared.inbox.together import AppliedTogether
from cloth_shared.messaging.producer import ResilientProducer
from cloth_shared.ports import UnitOfWorkPort

log = structlog.get_logger(__name__)

Envelope = EventEnvelope[dict[str, Any]]
UnitOfWorkT = TypeVar("UnitOfWorkT", bound=UnitOfWorkPort)
ConsumedEventHandler = Callable[[UnitOfWorkT, Envelope, Any], Awaitable[None]]
# Whether applying these events would change anything (see `has_effect` in the module docstring).
EffectCheck = Callable[[Sequence[Envelope]], Awaitable[bool]]

EFFECTS = Counter("inbox_effects_applied_total", "Events whose effect was applied", ["consumer"])
DUPLICATES = Counter("inbox_duplicates_suppressed_total", "Redelivered events dropped", ["consumer"])
IGNORED = Counter("inbox_ignored_total", "Known events this consumer has no handler for", ["consumer"])
UNKNOWN = Counter(
    "inbox_unknown_event_types_total", "Events of a type or version this code does not know", ["consumer"]
)
TOMBSTONES = Counter(
    "inbox_tombstones_skipped_total", "Null-value records (tombstones) skipped", ["consumer"]
)
WITHOUT_EFFECT = Counter(
    "inbox_without_effect_total",
    "Events acknowledged without a transaction: no effect to apply",
    ["consumer"],
)
BATCH_FALLBACKS = Counter(
    "inbox_batch_fallbacks_total", "Batches applied again one event at a time after a failure", ["consumer"]
)


# A run's records are all in memory at once: bounded, so a process's peak (which its allocator
# keeps afterwards) stays well inside its memory budget, while a run's statements still serve many.
MAX_RUN = 250


@dataclass(frozen=True, slots=True)
class _Delivery:
    record: ConsumerRecord[Any, Any]
    envelope: Envelope
    event: Event


class InboxConsumer(Generic[UnitOfWorkT]):
    def __init__(
        self,
        *,
        name: str,
        unit_of_work: Callable[[], UnitOfWorkT],
        handlers: Mapping[type[Event], ConsumedEventHandler[UnitOfWorkT]],
        dead_letters: ResilientProducer,
        max_attempts: int = 5,
        backoff_seconds: float = 0.2,
        unavailable_pause_seconds: float = 1.0,
        has_effect: EffectCheck | None = None,
    ) -> None:
        self.name = name
        self._has_effect = has_effect
        self._unit_of_work = unit_of_work
        self._handlers = dict(handlers)
        self._dead_letters = dead_letters
        self._max_attempts = max_attempts
        self._backoff = backoff_seconds
        self._unavailable_pause = unavailable_pause_seconds

    async def handle(self, record: ConsumerRecord[Any, Any]) -> None:
        """Process one Kafka record; returning means its offset may be committed."""
        await self.handle_batch((record,))

    async def handle_batch(self, records: Sequence[ConsumerRecord[Any, Any]]) -> None:
        """Process a polled batch; returning means all its offsets may be committed."""
        deliveries = [d for record in records if (d := await self._accept(record)) is not None]
        if deliveries and not await self._any_effect(deliveries):
            WITHOUT_EFFECT.labels(self.name).inc(len(deliveries))
            return
        await self._apply_in_order(deliveries)

    async def _any_effect(self, deliveries: Sequence[_Delivery]) -> bool:
        if self._has_effect is None:
            return True
        async with self._pause_if_database_down(deliveries[0]):
            return await self._has_effect([delivery.envelope for delivery in deliveries])

    async def _accept(self, record: ConsumerRecord[Any, Any]) -> _Delivery | None:
        """Decode a record; park what cannot be decoded; None for what this consumer skips."""
        if record.value is None:
            # A tombstone on a compacted topic: the producer made Kafka forget the key, after
            # the event that told consumers what to do (e.g. PersonErased). Nothing to do here.
            TOMBSTONES.labels(self.name).inc()
            return None
        try:
            envelope, event = decode(record.value)
        except UndecodableEvent as error:
            await park(self._dead_letters, self.name, record, error, attempts=1)
            return None
        except UnknownEvent as unknown:
            UNKNOWN.labels(self.name).inc()
            log.warning(
                "inbox_unknown_event_type",
                consumer=self.name,
                topic=record.topic,
                event_type=unknown.envelope.event_type,
                event_version=unknown.envelope.event_version,
            )
            return None
        if type(event) not in self._handlers:
            IGNORED.labels(self.name).inc()
            return None
        return _Delivery(record, envelope, event)

    async def _apply_in_order(self, deliveries: Sequence[_Delivery]) -> None:
        """Everything in one transaction; on a failing effect, what precedes it commits, the
        failing event is retried alone (then parked), and the rest goes on — in order."""
        remaining = list(deliveries)
        while remaining:
            try:
                await self._apply_together(remaining)
                return
            except TRANSIENT_DATABASE_ERRORS:
                raise  # not this batch's fault: FastStream seeks back (after the pause)
            except _EffectFailed as failed:
                if len(remaining) > 1:
                    BATCH_FALLBACKS.labels(self.name).inc()
                await self._apply_in_order(remaining[: failed.first])
                if failed.last == failed.first:
                    await self._retry_then_park(remaining[failed.first], failed.error)
                else:  # which event of the run failed is found by applying them one at a time
                    for delivery in remaining[failed.first : failed.last + 1]:
                        await self._apply_in_order([delivery])
                remaining = remaining[failed.last + 1 :]
            except Exception as error:  # the commit itself failed: no one event to blame
                if len(remaining) == 1:
                    await self._retry_then_park(remaining[0], error)
                    return
                BATCH_FALLBACKS.labels(self.name).inc()
                for delivery in remaining:
                    await self._apply_in_order([delivery])
                return

    async def _apply_together(self, deliveries: Sequence[_Delivery]) -> None:
        async with self._pause_if_database_down(deliveries[0]), self._unit_of_work() as uow:
            # The batch's inbox rows in one statement; effects run only for first deliveries.
            first = await uow.first_deliveries(
                self.name, [(d.envelope.event_id, d.envelope.event_type) for d in deliveries]
            )
            due: list[tuple[int, _Delivery]] = []
            for index, delivery in enumerate(deliveries):
                if delivery.envelope.event_id in first:
                    first.discard(delivery.envelope.event_id)  # the same event twice in a batch: once
                    due.append((index, delivery))
            for run in self._runs(due):
                try:
                    await self._apply_run(uow, [delivery for _, delivery in run])
                except TRANSIENT_DATABASE_ERRORS:
                    raise
                except Exception as error:
                    raise _EffectFailed(run[0][0], run[-1][0], error) from error
            await uow.commit()
        EFFECTS.labels(self.name).inc(len(due))
        DUPLICATES.labels(self.name).inc(len(deliveries) - len(due))

    def _runs(self, due: Sequence[tuple[int, _Delivery]]) -> list[list[tuple[int, _Delivery]]]:
        """Adjacent deliveries sharing one `AppliedTogether` handler form a run; others go alone."""
        runs: list[list[tuple[int, _Delivery]]] = []
        previous: object = None
        for item in due:
            handler = self._handlers[type(item[1].event)]
            if (
                runs
                and isinstance(handler, AppliedTogether)
                and handler is previous
                and len(runs[-1]) < MAX_RUN
            ):
                runs[-1].append(item)
            else:
                runs.append([item])
            previous = handler
        return runs

    async def _apply_run(self, uow: UnitOfWorkT, run: Sequence[_Delivery]) -> None:
        envelope = run[0].envelope
        bind_flow(envelope.correlation_id, envelope.event_id)
        handler = self._handlers[type(run[0].event)]
        if len(run) == 1:
            await handler(uow, envelope, run[0].event)
        else:
            assert isinstance(handler, AppliedTogether)
            await handler.apply(uow, [(delivery.envelope, delivery.event) for delivery in run])

    async def _retry_then_park(self, delivery: _Delivery, error: Exception) -> None:
        """The first attempt failed with `error`: retry with backoff, then park the message."""
        for attempt in range(2, self._max_attempts + 1):
            log.info("inbox_retry", consumer=self.name, attempt=attempt - 1, error=repr(error))
            await asyncio.sleep(self._backoff * 2 ** (attempt - 2))
            try:
                await self._apply_together((delivery,))
                return
            except TRANSIENT_DATABASE_ERRORS:
                raise
            except _EffectFailed as failed:
                error = failed.error
            except Exception as commit_error:
                error = commit_error
        await park(self._dead_letters, self.name, delivery.record, error, attempts=self._max_attempts)

    @contextlib.asynccontextmanager
    async def _pause_if_database_down(self, delivery: _Delivery) -> AsyncIterator[None]:
        """An unreachable database is nobody's fault: nothing is parked, the error goes up so
        FastStream seeks back, after a pause, so the redelivery does not spin against the outage."""
        try:
            yield
        except TRANSIENT_DATABASE_ERRORS:
            log.warning(
                "inbox_database_unavailable", consumer=self.name, event_id=str(delivery.envelope.event_id)
            )
            await asyncio.sleep(self._unavailable_pause)
            raise


class _EffectFailed(Exception):
    """The effect of the events from `first` to `last` of the batch (one event, or a run applied
    together) raised `error`."""

    def __init__(self, first: int, last: int, error: Exception) -> None:
        super().__init__(repr(error))
        self.first = first
        self.last = last
        self.error = error
