"""Registers an InboxConsumer on a FastStream Kafka router with the project's delivery policy."""

from typing import Any

from faststream import AckPolicy
from faststream.kafka import KafkaRouter
from faststream.kafka.annotations import KafkaMessage

from cloth_shared.inbox.consumer import InboxConsumer


async def _undecoded(message: Any) -> bytes:
    # We decode and validate ourselves, so a malformed message reaches the dead-letter logic.
    return bytes(message.body)


def subscribe(router: KafkaRouter, consumer: InboxConsumer, *topics: str, group_id: str) -> None:
    """Commit only after the effect's transaction (NACK_ON_ERROR): see inbox/consumer.py."""

    async def on_message(message: KafkaMessage) -> None:
        await consumer.handle(message.raw_message)  # type: ignore[arg-type]

    router.subscriber(
        *topics,
        group_id=group_id,
        auto_offset_reset="earliest",
        ack_policy=AckPolicy.NACK_ON_ERROR,
        decoder=_undecoded,
        title=f"{group_id}:{','.join(topics)}",
    )(on_message)
