"""The outbox relay publishes committed events exactly as written, in order per key, and never hangs."""

import asyncio
import json
import time
from collections import defaultdict
from uuid import uuid4

import asyncpg
import pytest

from cloth_shared.messaging.producer import ProducerUnavailable, ResilientProducer
from cloth_shared.outbox.relay import OutboxRelay
from cloth_shared.outbox.tombstone import Tombstone
from cloth_shared.outbox.writer import OutboxWriter
from cloth_shared.testing.infrastructure import TestInfrastructure
from cloth_shared.testing.kafka import read_topic

from .events import numbered_sme_joined

pytestmark = pytest.mark.integration


def relay_for(pool: asyncpg.Pool, bootstrap: str, *, timeout: float = 10) -> OutboxRelay:
    producer = ResilientProducer(bootstrap, client_id="test-relay", timeout_seconds=timeout)
    return OutboxRelay(pool, producer, service="test", dsn="unused", batch_size=50)


async def write_events(pool: asyncpg.Pool, prefix: str, *, keys: int, per_key: int) -> int:
    writer = OutboxWriter(producer="test", topic_prefix=prefix)
    organisations = [uuid4() for _ in range(keys)]
    for sequence in range(per_key):
        for organisation_id in organisations:
            async with pool.acquire() as connection, connection.transaction():
                await writer.add(connection, numbered_sme_joined(organisation_id, sequence))
    return keys * per_key


async def pending(pool: asyncpg.Pool) -> int:
    return await pool.fetchval("SELECT count(*) FROM outbox WHERE published_at IS NULL")


async def test_an_event_written_in_a_rolled_back_transaction_is_never_stored(pool, topic_prefix) -> None:
    writer = OutboxWriter(producer="test", topic_prefix=topic_prefix)

    async def use_case_failing_after_its_event() -> None:
        async with pool.acquire() as connection, connection.transaction():
            await writer.add(connection, numbered_sme_joined(uuid4(), 0))
            raise RuntimeError("the use case failed after writing its event")

    with pytest.raises(RuntimeError):
        await use_case_failing_after_its_event()
    assert await pool.fetchval("SELECT count(*) FROM outbox") == 0


async def test_committed_events_reach_kafka_once_each_in_order_per_key(
    pool, infra: TestInfrastructure, topic_prefix, organisations_topic
) -> None:
    written = await write_events(pool, topic_prefix, keys=12, per_key=15)
    relay = relay_for(pool, infra.kafka_bootstrap_servers)
    assert await relay.publish_pending() == written
    assert await pending(pool) == 0

    records = await read_topic(infra.kafka_bootstrap_servers, organisations_topic, at_least=written)
    assert len(records) == written
    by_key: dict[bytes, list[int]] = defaultdict(list)
    for record in sorted(records, key=lambda r: (r.partition, r.offset)):
        envelope = json.loads(record.value)
        by_key[record.key].append(int(envelope["payload"]["organisation"]["legal_name"].split("-")[1]))
        assert dict(record.headers)["event_type"] == b"SMEJoined"
    assert all(sequence == list(range(15)) for sequence in by_key.values())


async def test_two_relays_share_the_outbox_without_publishing_anything_twice(
    pool, infra: TestInfrastructure, topic_prefix, organisations_topic
) -> None:
    written = await write_events(pool, topic_prefix, keys=40, per_key=5)
    first, second = (
        relay_for(pool, infra.kafka_bootstrap_servers),
        relay_for(pool, infra.kafka_bootstrap_servers),
    )
    counts = await asyncio.gather(first.publish_pending(), second.publish_pending())
    assert sum(counts) == written and await pending(pool) == 0
    records = await read_topic(infra.kafka_bootstrap_servers, organisations_topic, at_least=written)
    assert len({json.loads(r.value)["event_id"] for r in records}) == len(records) == written


class CountingPool:
    """The pool, counting the connections taken for a lane's transaction (`acquire`)."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool
        self.acquired = 0

    def acquire(self):  # type: ignore[no-untyped-def]
        self.acquired += 1
        return self._pool.acquire()

    async def fetch(self, query: str, *args: object) -> list[asyncpg.Record]:
        return await self._pool.fetch(query, *args)


async def test_a_pass_opens_a_transaction_only_for_the_lanes_that_have_rows_to_send(
    pool, infra: TestInfrastructure, topic_prefix, organisations_topic
) -> None:
    written = await write_events(pool, topic_prefix, keys=1, per_key=3)  # one key: one lane
    counting = CountingPool(pool)
    producer = ResilientProducer(infra.kafka_bootstrap_servers, client_id="test-relay", timeout_seconds=10)
    relay = OutboxRelay(counting, producer, service="test", dsn="unused", batch_size=50)  # type: ignore[arg-type]

    assert await relay.publish_pending() == written
    assert counting.acquired == 1  # the one lane; the seven empty lanes were not opened
    assert await pending(pool) == 0

    assert await relay.publish_pending() == 0
    assert counting.acquired == 1  # nothing pending: no lane opened at all
    records = await read_topic(infra.kafka_bootstrap_servers, organisations_topic, at_least=written)
    assert len(records) == written


async def test_an_unreachable_broker_fails_the_pass_quickly_and_keeps_every_row_pending(
    pool, topic_prefix
) -> None:
    written = await write_events(pool, topic_prefix, keys=3, per_key=2)
    relay = relay_for(pool, "127.0.0.1:1", timeout=1.5)
    started = time.monotonic()
    with pytest.raises(ProducerUnavailable):
        await relay.publish_pending()
    assert time.monotonic() - started < 6
    assert await pending(pool) == written


async def test_a_tombstone_leaves_after_the_events_before_it_as_a_null_value_for_its_key(
    pool, infra: TestInfrastructure, topic_prefix, organisations_topic
) -> None:
    writer, organisation_id = OutboxWriter(producer="test", topic_prefix=topic_prefix), uuid4()
    async with pool.acquire() as connection, connection.transaction():
        await writer.add(connection, numbered_sme_joined(organisation_id, 0))
        await writer.add(
            connection,
            Tombstone(on_topic=organisations_topic.removeprefix(topic_prefix), key=str(organisation_id)),
        )
    assert await relay_for(pool, infra.kafka_bootstrap_servers).publish_pending() == 2

    records = await read_topic(infra.kafka_bootstrap_servers, organisations_topic, at_least=2)
    event, tombstone = sorted(records, key=lambda r: r.offset)
    assert json.loads(event.value)["event_type"] == "SMEJoined"
    assert (tombstone.key, tombstone.value) == (str(organisation_id).encode(), None)
