"""Reading what really reached Kafka, for assertions in tests."""

import asyncio
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord

from cloth_shared.contracts.membership import OrganisationSnapshot, SMEJoined


async def read_topic(
    bootstrap_servers: str, topic: str, *, at_least: int, timeout: float = 30
) -> list[ConsumerRecord[Any, Any]]:
    """All records of a topic from the beginning, waiting until at least `at_least` arrived."""
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap_servers,
        group_id=f"test-reader-{uuid4().hex}",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    records: list[ConsumerRecord[Any, Any]] = []
    try:
        async with asyncio.timeout(timeout):
            while len(records) < at_least:
                batch = await consumer.getmany(timeout_ms=200)
                for partition_records in batch.values():
                    records.extend(partition_records)
        # Anything else already there (e.g. duplicates) arrives within a short grace period.
        batch = await consumer.getmany(timeout_ms=500)
        for partition_records in batch.values():
            records.extend(partition_records)
    finally:
        await consumer.stop()
    return records


async def produce_raw(
    bootstrap_servers: str,
    topic: str,
    value: bytes,
    *,
    key: bytes,
    headers: list[tuple[str, bytes]] | None = None,
) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap_servers, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(topic, value, key=key, headers=headers or [])
    finally:
        await producer.stop()


def sme_joined_example(organisation_id: UUID, legal_name: str = "Example SL") -> SMEJoined:
    """A valid SMEJoined for tests and benchmarks."""
    return SMEJoined(
        organisation=OrganisationSnapshot(
            organisation_id=organisation_id,
            legal_name=legal_name,
            category="sme",
            cluster_id=UUID("0b1c0000-0000-4000-8000-000000000001"),
            country="ES",
        ),
        joined_at=datetime.now(UTC),
    )
