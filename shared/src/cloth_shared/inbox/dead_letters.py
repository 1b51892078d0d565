"""Parking a message that cannot be processed in `<topic>.dlq`, with the reason in its headers."""

from typing import Any

import structlog
from aiokafka import ConsumerRecord
from prometheus_client import Counter

from cloth_shared.contracts.topics import dead_letter_topic
from cloth_shared.messaging.producer import OutgoingRecord, ResilientProducer

log = structlog.get_logger(__name__)

DEAD_LETTERS = Counter("inbox_dead_lettered_total", "Messages parked in a dead-letter topic", ["consumer"])


async def park(
    producer: ResilientProducer,
    consumer: str,
    record: ConsumerRecord[Any, Any],
    error: Exception,
    *,
    attempts: int,
) -> None:
    """Send the original message to the dead-letter topic; raise if that fails (redelivery)."""
    headers = [
        *(record.headers or ()),
        ("dlq_consumer", consumer.encode()),
        ("dlq_error_type", type(error).__name__.encode()),
        ("dlq_error", str(error)[:2000].encode()),
        ("dlq_attempts", str(attempts).encode()),
        ("dlq_original_topic", record.topic.encode()),
        ("dlq_original_partition", str(record.partition).encode()),
        ("dlq_original_offset", str(record.offset).encode()),
    ]
    await producer.send_batch(
        [OutgoingRecord(dead_letter_topic(record.topic), record.key or b"", record.value or b"", headers)]
    )
    DEAD_LETTERS.labels(consumer).inc()
    log.error(
        "inbox_dead_lettered",
        consumer=consumer,
        topic=record.topic,
        offset=record.offset,
        attempts=attempts,
        error=repr(error),
    )
