"""Registers an InboxConsumer on a FastStream Kafka router with the project's delivery policy."""

from typing import Any

from faststream import AckPolicy
from faststream.kafka import KafkaRouter
from faststream.kafka.annotations import KafkaMessage

from cloth_shared.inbox.consumer import InboxConsumer

# A polled batch is applied in one transaction with one offset commit (see inbox/consumer.py):
# large enough to amortise both commits, small enough to keep a rebalance or a fallback short.
MAX_BATCH_RECORDS = 500


async def _undecoded(message: Any) -> Any:
    # We decode and validate ourselves, so a malformed message reaches the dead-letter logic.
    return message.body


def subscribe(
    router: KafkaRouter,
    consumer: InboxConsumer[Any],
    *topics: str,
    group_id: str,
    max_batch_records: int = MAX_BATCH_RECORDS,
) -> None:
    """Commit only after the batch's transaction (NACK_ON_ERROR): see inbox/consumer.py."""

    async def on_batch(message: KafkaMessage) -> None:
        await consumer.handle_batch(message.raw_message)  # type: ignore[arg-type]

    router.subscriber(
        *topics,
        group_id=group_id,
        auto_offset_reset="earliest",
        ack_policy=AckPolicy.NACK_ON_ERROR,
        batch=True,
        max_records=max_batch_records,
        decoder=_undecoded,
        title=f"{group_id}:{','.join(topics)}",
    )(on_batch)
