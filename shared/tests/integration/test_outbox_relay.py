"""The outbox relay publishes committed events exactly as written, in order per key, and never hangs."""

import asyncio
import json
import time
from collections import defaultdict
from uuid import uuid4

import asyncpg
import pytest
from prometheus_client import REGISTRY

from cloth_shared.messaging.producer import ProducerUnavailable, ResilientProducer
from cloth_shared.outbox.relay import LANE_LOCK_NAMESPACE, SEAT, OutboxRelay
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


async def pending_is(pool: asyncpg.Pool, count: int) -> bool:
    return await pending(pool) == count


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
    """The pool, counting the connections taken for a pass's transaction (`acquire`)."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool
        self.acquired = 0

    def acquire(self):  # type: ignore[no-untyped-def]
        self.acquired += 1
        return self._pool.acquire()


def counted_relay(pool: asyncpg.Pool, bootstrap: str) -> tuple[OutboxRelay, CountingPool]:
    counting = CountingPool(pool)
    producer = ResilientProducer(bootstrap, client_id="test-relay", timeout_seconds=10)
    relay = OutboxRelay(counting, producer, service="test", dsn="unused", batch_size=50)  # type: ignore[arg-type]
    return relay, counting


async def test_a_pass_sends_every_lane_with_rows_in_one_transaction(
    pool, infra: TestInfrastructure, topic_prefix, organisations_topic
) -> None:
    written = await write_events(pool, topic_prefix, keys=24, per_key=2)
    assert await pool.fetchval("SELECT count(DISTINCT lane) FROM outbox") > 1
    relay, counting = counted_relay(pool, infra.kafka_bootstrap_servers)

    assert await relay.publish_pending() == written
    assert counting.acquired == 1  # every lane in one transaction
    assert await pending(pool) == 0

    assert await relay.publish_pending() == 0
    assert counting.acquired == 2  # nothing pending: one statement in a transaction, no lane locked
    records = await read_topic(infra.kafka_bootstrap_servers, organisations_topic, at_least=written)
    assert len(records) == written


async def test_a_lane_with_more_rows_than_a_pass_takes_is_drained_in_order_in_several_passes(
    pool, infra: TestInfrastructure, topic_prefix, organisations_topic
) -> None:
    written = await write_events(pool, topic_prefix, keys=1, per_key=120)  # one lane, batch size 50
    relay, counting = counted_relay(pool, infra.kafka_bootstrap_servers)

    assert await relay.publish_pending() == written
    assert counting.acquired == 3  # the passes: 50 + 50 + 20 rows of the lane
    records = await read_topic(infra.kafka_bootstrap_servers, organisations_topic, at_least=written)
    ordered = sorted(records, key=lambda r: (r.partition, r.offset))
    sequences = [
        int(json.loads(r.value)["payload"]["organisation"]["legal_name"].split("-")[1]) for r in ordered
    ]
    assert sequences == list(range(120))


async def test_a_replica_leaves_the_lanes_another_is_publishing(
    pool, infra: TestInfrastructure, topic_prefix, organisations_topic
) -> None:
    written = await write_events(pool, topic_prefix, keys=24, per_key=1)
    relay, _ = counted_relay(pool, infra.kafka_bootstrap_servers)
    async with pool.acquire() as other_replica, other_replica.transaction():
        held = await other_replica.fetchval("SELECT min(lane) FROM outbox")
        await other_replica.execute("SELECT pg_advisory_xact_lock($1, $2)", LANE_LOCK_NAMESPACE, held)
        in_held_lane = await pool.fetchval("SELECT count(*) FROM outbox WHERE lane = $1", held)

        assert await relay.publish_pending() == written - in_held_lane
    assert await pending(pool) == in_held_lane
    assert await relay.publish_pending() == in_held_lane  # once the other replica let go


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


def published_by(service: str) -> float:
    return REGISTRY.get_sample_value("outbox_published_total", {"service": service}) or 0.0


async def seat_holders(pool: asyncpg.Pool) -> int:
    return await pool.fetchval(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
        " AND classid = $1 AND objid = $2 AND objsubid = 2",
        LANE_LOCK_NAMESPACE,
        SEAT,
    )


async def until(condition, timeout: float = 10) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not await condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def test_one_relay_holds_the_seat_and_publishes_and_a_standby_takes_over_when_it_stops(
    pool, database_url: str, infra: TestInfrastructure, topic_prefix, organisations_topic
) -> None:
    def relay(name: str) -> OutboxRelay:
        producer = ResilientProducer(infra.kafka_bootstrap_servers, client_id=name, timeout_seconds=10)
        return OutboxRelay(
            pool, producer, service=name, dsn=database_url, poll_interval=0.2, standby_pass_seconds=60
        )

    name = uuid4().hex[:8]
    seated, standby = relay(f"seated-{name}"), relay(f"standby-{name}")
    seated_run = asyncio.create_task(seated.run())
    await until(lambda: seat_holders(pool))
    standby_run = asyncio.create_task(standby.run())
    try:
        written = await write_events(pool, topic_prefix, keys=20, per_key=3)
        await until(lambda: pending_is(pool, 0))
        assert published_by(f"seated-{name}") == written
        assert published_by(f"standby-{name}") == 0  # it neither listened nor published

        seated.stop()
        await asyncio.wait_for(seated_run, 10)
        later = await write_events(pool, topic_prefix, keys=5, per_key=1)
        await until(lambda: pending_is(pool, 0))  # the standby took the seat on its timer
        assert published_by(f"standby-{name}") == later
        assert await seat_holders(pool) == 1
    finally:
        standby.stop()
        seated.stop()
        await asyncio.gather(seated_run, standby_run, return_exceptions=True)
    records = await read_topic(infra.kafka_bootstrap_servers, organisations_topic, at_least=written + later)
    assert len({json.loads(r.value)["event_id"] for r in records}) == len(records) == written + later


async def test_a_standby_still_publishes_every_few_seconds_while_the_seat_holder_hangs(
    pool, database_url: str, infra: TestInfrastructure, topic_prefix, organisations_topic
) -> None:
    producer = ResilientProducer(infra.kafka_bootstrap_servers, client_id="standby", timeout_seconds=10)
    name = f"standby-{uuid4().hex[:8]}"
    standby = OutboxRelay(
        pool, producer, service=name, dsn=database_url, poll_interval=0.2, standby_pass_seconds=0.5
    )
    hung_holder = await asyncpg.connect(database_url)
    try:
        assert await hung_holder.fetchval("SELECT pg_try_advisory_lock($1, $2)", LANE_LOCK_NAMESPACE, SEAT)
        running = asyncio.create_task(standby.run())
        written = await write_events(pool, topic_prefix, keys=6, per_key=2)
        await until(lambda: pending_is(pool, 0), timeout=5)
        assert published_by(name) == written
        standby.stop()
        await asyncio.wait_for(running, 10)
    finally:
        await hung_holder.close()
