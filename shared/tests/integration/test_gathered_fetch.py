"""`subscribe(..., gather_ms=N)` on a real broker: records that trickle in are applied in a few
batches, where a consumer that does not gather takes them one by one."""

import asyncio
from collections.abc import Sequence
from typing import Any

import asyncpg
import pytest
from aiokafka import AIOKafkaProducer
from faststream.kafka import KafkaBroker, KafkaRouter

from cloth_shared.contracts.codec import encode
from cloth_shared.contracts.envelope import wrap
from cloth_shared.contracts.membership import SMEJoined
from cloth_shared.inbox.consumer import InboxConsumer
from cloth_shared.messaging.producer import ResilientProducer
from cloth_shared.messaging.subscriptions import subscribe
from cloth_shared.messaging.topics_admin import ensure_topics
from cloth_shared.outbox.writer import OutboxWriter
from cloth_shared.testing.examples import sme_joined
from cloth_shared.testing.infrastructure import TestInfrastructure
from cloth_shared.unit_of_work import UnitOfWork

pytestmark = pytest.mark.integration

RECORDS = 6
SPACING_SECONDS = 0.06  # the records trickle in over ~0.3 s
GATHER_MS = 1_000


class BatchSizes(InboxConsumer[UnitOfWork]):
    """The inbox consumer, noting how many records each polled batch held."""

    def __init__(self, pool: asyncpg.Pool, dead_letters: ResilientProducer) -> None:
        async def nothing(uow: UnitOfWork, envelope: Any, event: SMEJoined) -> None:
            return None

        super().__init__(
            name="gather-test",
            unit_of_work=lambda: UnitOfWork(pool, OutboxWriter(producer="test")),
            handlers={SMEJoined: nothing},
            dead_letters=dead_letters,
        )
        self.sizes: list[int] = []

    async def handle_batch(self, records: Sequence[Any]) -> None:
        self.sizes.append(len(records))
        await super().handle_batch(records)


async def batch_sizes(infra: TestInfrastructure, pool: asyncpg.Pool, topic: str, gather_ms: int) -> list[int]:
    dead_letters = ResilientProducer(infra.kafka_bootstrap_servers, client_id="test-dlq")
    consumer = BatchSizes(pool, dead_letters)
    router = KafkaRouter()
    subscribe(router, consumer, topic, group_id=f"{topic}.{gather_ms}", gather_ms=gather_ms)
    broker = KafkaBroker(infra.kafka_bootstrap_servers, logger=None)
    broker.include_router(router)
    producer = AIOKafkaProducer(bootstrap_servers=infra.kafka_bootstrap_servers, acks="all")
    await producer.start()
    await broker.start()
    try:
        await asyncio.sleep(1.5)  # joined the group, first fetch in flight
        for n in range(RECORDS):
            event = encode(wrap(sme_joined(f"Trickle {gather_ms} {n}"), producer="test", correlation_id="c"))
            await producer.send_and_wait(topic, event, key=b"one-partition")
            await asyncio.sleep(SPACING_SECONDS)
        async with asyncio.timeout(30):
            while sum(consumer.sizes) < RECORDS:
                await asyncio.sleep(0.05)
    finally:
        await broker.stop()
        await producer.stop()
        await dead_letters.stop()
    return consumer.sizes


async def test_a_gathering_consumer_takes_trickling_records_in_fewer_batches(
    infra: TestInfrastructure, pool: asyncpg.Pool, topic_prefix: str
) -> None:
    eager_topic, gathering_topic = f"{topic_prefix}trickle.eager", f"{topic_prefix}trickle.gathered"
    await ensure_topics(
        infra.kafka_bootstrap_servers, [eager_topic, gathering_topic], partitions=1, replication=1
    )

    eager = await batch_sizes(infra, pool, eager_topic, gather_ms=0)
    gathered = await batch_sizes(infra, pool, gathering_topic, gather_ms=GATHER_MS)

    assert sum(eager) == sum(gathered) == RECORDS
    assert len(eager) >= RECORDS - 2, eager  # each record (nearly) alone as it came
    # The broker held the fetch while they trickled in: one batch, two if a fetch's wait ended
    # between two records.
    assert len(gathered) <= 2, gathered
