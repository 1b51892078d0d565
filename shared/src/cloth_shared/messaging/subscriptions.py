"""Registers an InboxConsumer on a FastStream Kafka router with the project's delivery policy."""

from collections.abc import Callable, Mapping
from typing import Any

from faststream import AckPolicy
from faststream.kafka import KafkaRouter

from cloth_shared.contracts.envelope import Event
from cloth_shared.inbox.consumer import ConsumedEventHandler, Envelope, InboxConsumer, UnitOfWorkT
from cloth_shared.service import Infrastructure

# A polled batch is applied in one transaction with one offset commit (see inbox/consumer.py):
# large enough to amortise both commits, small enough to keep a rebalance or a fallback short.
MAX_BATCH_RECORDS = 500
# How long an idle poll waits for records — and FastStream then sleeps as long again before the
# next poll (its batch subscriber's `batch_timeout_ms`, 200 by default), so a record arriving at
# an idle consumer waited up to twice this. A poll returns as soon as records are there, so a
# busy consumer's batches are no smaller for it; an idle one polls 20 times a second.
IDLE_POLL_MS = 25
# What a consumer that can wait asks of the broker (`gather_ms`): answer a fetch once this much
# has piled up, or the wait is over. Unreachable at this platform's rates, so the wait decides.
GATHERED_FETCH_BYTES = 1024 * 1024


async def _records(message: Any) -> Any:
    """The polled batch as aiokafka's records, handed to the handler as its body: we decode and
    validate ourselves, so a malformed message reaches the dead-letter logic. (Asking FastStream
    for the message through its `Context` instead cost each batch a hop to a worker thread, where
    it resolves context values.)"""
    return message.raw_message


def subscribe(
    router: KafkaRouter,
    consumer: InboxConsumer[Any],
    *topics: str,
    group_id: str,
    max_batch_records: int = MAX_BATCH_RECORDS,
    gather_ms: int = 0,
) -> None:
    """Commit only after the batch's transaction (NACK_ON_ERROR): see inbox/consumer.py.

    `gather_ms` > 0: the broker holds each fetch that long (unless a megabyte piled up), so a
    consumer whose readers can wait that much applies one batch per interval instead of one per
    few records: its fixed cost per batch (a transaction, a read) is paid a few times a second,
    not hundreds, on the cores the latency-bound consumers share. 0: each record as it comes."""

    async def on_batch(records: Any) -> None:
        await consumer.handle_batch(records)

    router.subscriber(
        *topics,
        group_id=group_id,
        auto_offset_reset="earliest",
        ack_policy=AckPolicy.NACK_ON_ERROR,
        batch=True,
        max_records=max_batch_records,
        batch_timeout_ms=IDLE_POLL_MS,
        decoder=_records,
        # Otherwise the client's defaults: answered from one byte on, an idle fetch held 500 ms.
        fetch_min_bytes=GATHERED_FETCH_BYTES if gather_ms else 1,
        fetch_max_wait_ms=gather_ms or 500,
        title=f"{group_id}:{','.join(topics)}",
    )(on_batch)


def subscribe_inbox(
    router: KafkaRouter,
    infra: Infrastructure,
    *,
    consumer_name: str,
    topic: str,
    unit_of_work: Callable[[], UnitOfWorkT],
    handlers: Mapping[type[Event], ConsumedEventHandler[UnitOfWorkT]],
) -> None:
    """A service's inbox on one contract topic, with its retry settings and its producer for dead
    letters, in a consumer group of its own (`<prefix><consumer_name>`): the replicas of one inbox
    share its partitions. One group per inbox, not one per service, because every consumer that
    joins a group rebalances all of its members: a service with seven inboxes in one group spent
    its start in a cascade of rebalances, and redelivered what was in flight at each."""
    settings = infra.settings
    consumer = InboxConsumer[UnitOfWorkT](
        name=consumer_name,
        unit_of_work=unit_of_work,
        handlers=handlers,
        dead_letters=infra.producer,
        max_attempts=settings.consumer_max_attempts,
        backoff_seconds=settings.consumer_retry_backoff_seconds,
    )
    group = f"{settings.kafka_topic_prefix}{consumer_name}"
    subscribe(router, consumer, settings.topic(topic), group_id=group)


def in_order(*handlers: ConsumedEventHandler[UnitOfWorkT]) -> ConsumedEventHandler[UnitOfWorkT]:
    """Several use cases reacting to one event type, in this order, in the inbox's one transaction:
    one fails, none is kept, and the redelivery runs them all again."""

    async def run(uow: UnitOfWorkT, envelope: Envelope, event: Any) -> None:
        for handler in handlers:
            await handler(uow, envelope, event)

    # The name shows in logs and dead letters: which steps the event went through.
    run.__name__ = "_then_".join(getattr(handler, "__name__", "step") for handler in handlers)
    return run
