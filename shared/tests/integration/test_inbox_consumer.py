"""The inbox consumer, on a real broker: once-only effects, retries, dead letters, redelivery."""

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any
from uuid import uuid4

import asyncpg
import pytest
from aiokafka.admin import AIOKafkaAdminClient
from faststream.kafka import KafkaBroker, KafkaRouter
from prometheus_client import REGISTRY

from cloth_shared.context import current_causation_id, current_correlation_id
from cloth_shared.contracts.codec import encode
from cloth_shared.contracts.envelope import wrap
from cloth_shared.contracts.membership import SMEJoined
from cloth_shared.contracts.topics import dead_letter_topic
from cloth_shared.inbox.consumer import InboxConsumer
from cloth_shared.inbox.together import AppliedTogether
from cloth_shared.messaging.producer import ResilientProducer
from cloth_shared.messaging.subscriptions import subscribe
from cloth_shared.outbox.writer import OutboxWriter
from cloth_shared.testing.examples import sme_joined
from cloth_shared.testing.infrastructure import TestInfrastructure
from cloth_shared.testing.kafka import produce_raw, read_topic
from cloth_shared.unit_of_work import UnitOfWork

pytestmark = pytest.mark.integration

KEY = b"one-partition-for-ordering"


class RecordingHandler:
    """Writes an effect row; fails on chosen legal names, as often as told."""

    def __init__(
        self, failures: dict[str, int | None] | None = None, error: type[Exception] = ValueError
    ) -> None:
        self.calls: Counter[str] = Counter()
        self._failures = failures or {}
        self._error = error

    async def __call__(self, uow: UnitOfWork, envelope: Any, event: SMEJoined) -> None:
        name = event.organisation.legal_name
        self.calls[name] += 1
        await uow.connection.execute(
            "INSERT INTO effects (event_id, legal_name) VALUES ($1, $2)", envelope.event_id, name
        )
        limit = self._failures.get(name, 0)
        if limit is None or self.calls[name] <= limit:
            raise self._error(f"{name} fails on call {self.calls[name]}")


@pytest.fixture
async def effects(pool: asyncpg.Pool) -> asyncpg.Pool:
    await pool.execute("CREATE TABLE effects (event_id uuid NOT NULL, legal_name text NOT NULL)")
    return pool


async def start_consumer(
    infra: TestInfrastructure,
    pool: asyncpg.Pool,
    topic: str,
    handler: Any,
    group: str,
    dead_letters: ResilientProducer,
    graceful_timeout: float = 15,
) -> KafkaBroker:
    consumer = InboxConsumer(
        name="test-consumer",
        unit_of_work=lambda: UnitOfWork(pool, OutboxWriter(producer="test")),
        handlers={SMEJoined: handler},
        dead_letters=dead_letters,
        max_attempts=3,
        backoff_seconds=0.05,
        unavailable_pause_seconds=0.2,
    )
    router = KafkaRouter()
    subscribe(router, consumer, topic, group_id=group)
    broker = KafkaBroker(infra.kafka_bootstrap_servers, logger=None, graceful_timeout=graceful_timeout)
    broker.include_router(router)
    await broker.start()
    return broker


@pytest.fixture
async def consume(infra, effects, organisations_topic) -> AsyncIterator[Any]:
    brokers: list[KafkaBroker] = []
    dead_letters = ResilientProducer(infra.kafka_bootstrap_servers, client_id="test-dlq")

    async def start(handler: Any, group: str) -> None:
        brokers.append(
            await start_consumer(infra, effects, organisations_topic, handler, group, dead_letters)
        )

    yield start
    for broker in brokers:
        await broker.stop()
    await dead_letters.stop()


async def send(infra: TestInfrastructure, topic: str, value: bytes | None) -> None:
    await produce_raw(infra.kafka_bootstrap_servers, topic, value, key=KEY)


def event_bytes(name: str) -> bytes:
    return encode(wrap(sme_joined(name), producer="test", correlation_id="c"))


async def wait_for_effect(pool: asyncpg.Pool, name: str, timeout: float = 30) -> None:
    async with asyncio.timeout(timeout):
        while not await pool.fetchval("SELECT count(*) FROM effects WHERE legal_name = $1", name):
            await asyncio.sleep(0.05)


async def effect_count(pool: asyncpg.Pool, name: str) -> int:
    return await pool.fetchval("SELECT count(*) FROM effects WHERE legal_name = $1", name)


async def test_a_redelivered_event_has_one_effect_and_its_offset_is_committed(
    infra, effects, organisations_topic, consume
) -> None:
    duplicate = event_bytes("duplicate")
    for value in (duplicate, duplicate, duplicate, event_bytes("sentinel")):
        await send(infra, organisations_topic, value)
    group = f"g-{uuid4().hex}"
    await consume(RecordingHandler(), group)
    await wait_for_effect(effects, "sentinel")
    assert await effect_count(effects, "duplicate") == 1
    assert await effects.fetchval("SELECT count(*) FROM processed_events") == 2

    admin = AIOKafkaAdminClient(bootstrap_servers=infra.kafka_bootstrap_servers)
    await admin.start()
    try:
        async with asyncio.timeout(10):
            while sum(o.offset for o in (await admin.list_consumer_group_offsets(group)).values()) < 4:
                await asyncio.sleep(0.1)
    finally:
        await admin.close()


async def test_a_malformed_message_is_dead_lettered_and_the_next_one_is_processed(
    infra, effects, organisations_topic, consume
) -> None:
    await send(infra, organisations_topic, b'{"this is": "not an event"')
    await send(infra, organisations_topic, event_bytes("after-garbage"))
    await consume(RecordingHandler(), f"g-{uuid4().hex}")
    await wait_for_effect(effects, "after-garbage")
    parked = await read_topic(
        infra.kafka_bootstrap_servers, dead_letter_topic(organisations_topic), at_least=1
    )
    assert len(parked) == 1
    headers = dict(parked[0].headers)
    assert parked[0].value == b'{"this is": "not an event"'
    assert headers["dlq_error_type"] == b"UndecodableEvent"
    assert headers["dlq_original_topic"] == organisations_topic.encode()


async def test_an_effect_that_always_fails_is_retried_then_parked_and_rolled_back(
    infra, effects, organisations_topic, consume
) -> None:
    handler = RecordingHandler(failures={"poison": None})
    await send(infra, organisations_topic, event_bytes("poison"))
    await send(infra, organisations_topic, event_bytes("behind-poison"))
    await consume(handler, f"g-{uuid4().hex}")
    await wait_for_effect(effects, "behind-poison")
    assert handler.calls["poison"] == 3
    assert await effect_count(effects, "poison") == 0  # every failed attempt rolled back
    parked = await read_topic(
        infra.kafka_bootstrap_servers, dead_letter_topic(organisations_topic), at_least=1
    )
    assert [dict(r.headers)["dlq_attempts"] for r in parked] == [b"3"]
    assert dict(parked[0].headers)["dlq_error_type"] == b"ValueError"


async def test_a_database_outage_is_not_dead_lettered_the_message_comes_again(
    infra, effects, organisations_topic, consume
) -> None:
    handler = RecordingHandler(failures={"during-outage": 2}, error=ConnectionResetError)
    await send(infra, organisations_topic, event_bytes("during-outage"))
    await consume(handler, f"g-{uuid4().hex}")
    await wait_for_effect(effects, "during-outage")
    assert handler.calls["during-outage"] == 3
    assert await effect_count(effects, "during-outage") == 1
    assert await effects.fetchval("SELECT count(*) FROM processed_events") == 1


class BlockingHandler(RecordingHandler):
    """Writes its effect, then hangs inside the transaction until cancelled by shutdown."""

    def __init__(self) -> None:
        super().__init__()
        self.entered = asyncio.Event()

    async def __call__(self, uow: UnitOfWork, envelope: Any, event: SMEJoined) -> None:
        await super().__call__(uow, envelope, event)
        self.entered.set()
        await asyncio.sleep(3600)


async def committed_offset(infra: TestInfrastructure, group: str) -> int:
    admin = AIOKafkaAdminClient(bootstrap_servers=infra.kafka_bootstrap_servers)
    await admin.start()
    try:
        return sum(max(o.offset, 0) for o in (await admin.list_consumer_group_offsets(group)).values())
    finally:
        await admin.close()


async def test_a_handler_cut_off_by_shutdown_commits_neither_its_effect_nor_its_offset(
    infra, effects, organisations_topic
) -> None:
    await send(infra, organisations_topic, event_bytes("interrupted"))
    group = f"g-{uuid4().hex}"
    dead_letters = ResilientProducer(infra.kafka_bootstrap_servers, client_id="test-dlq")
    blocking = BlockingHandler()
    broker = await start_consumer(
        infra, effects, organisations_topic, blocking, group, dead_letters, graceful_timeout=0.5
    )
    async with asyncio.timeout(30):
        await blocking.entered.wait()
    await broker.stop()  # SIGTERM path: waits graceful_timeout, then cancels the handler

    assert await effect_count(effects, "interrupted") == 0
    assert await committed_offset(infra, group) == 0

    broker = await start_consumer(
        infra, effects, organisations_topic, RecordingHandler(), group, dead_letters
    )
    try:
        await wait_for_effect(effects, "interrupted")
    finally:
        await broker.stop()
        await dead_letters.stop()
    assert await effect_count(effects, "interrupted") == 1


async def test_the_flow_id_travels_from_the_event_into_the_handler_and_its_own_events(
    infra, effects, organisations_topic, consume
) -> None:
    seen: dict[str, Any] = {}

    class FlowRecordingHandler(RecordingHandler):
        async def __call__(self, uow: UnitOfWork, envelope: Any, event: SMEJoined) -> None:
            await super().__call__(uow, envelope, event)
            seen.update(
                correlation=current_correlation_id(),
                causation=current_causation_id(),
                event=envelope.event_id,
            )
            uow.emit(sme_joined("caused"))

    await send(
        infra,
        organisations_topic,
        encode(wrap(sme_joined("flow"), producer="t", correlation_id="corr-42")),
    )
    await consume(FlowRecordingHandler(), f"g-{uuid4().hex}")
    await wait_for_effect(effects, "flow")
    assert seen["correlation"] == "corr-42"
    assert seen["causation"] == seen["event"]
    emitted = await effects.fetchval("SELECT envelope FROM outbox")
    assert emitted["correlation_id"] == "corr-42"
    assert emitted["causation_id"] == str(seen["event"])


async def test_a_polled_batch_with_a_poison_event_applies_the_others_once_and_parks_only_it(
    infra, effects, organisations_topic, consume
) -> None:
    names = ["before-1", "before-2", "poison", "after-1", "after-2"]
    for name in names:  # all on the topic before the consumer starts: one polled batch
        await send(infra, organisations_topic, event_bytes(name))
    handler = RecordingHandler(failures={"poison": None})
    await consume(handler, f"g-{uuid4().hex}")
    await wait_for_effect(effects, "after-2")

    assert [await effect_count(effects, name) for name in names] == [1, 1, 0, 1, 1]
    assert await effects.fetchval("SELECT count(*) FROM processed_events") == 4
    parked = await read_topic(
        infra.kafka_bootstrap_servers, dead_letter_topic(organisations_topic), at_least=1
    )
    assert len(parked) == 1 and b'"legal_name":"poison"' in parked[0].value.replace(b" ", b"")
    assert handler.calls["poison"] == 3


class RecordingRuns(RecordingHandler):
    """The recording handler's effects, applied to whole runs: the sizes of the runs it was given."""

    def __init__(self, failures: dict[str, int | None] | None = None) -> None:
        super().__init__(failures)
        self.runs: list[int] = []
        self.together = AppliedTogether(self.apply)

    async def apply(self, uow: UnitOfWork, consumed: Any) -> None:
        self.runs.append(len(consumed))
        for envelope, event in consumed:
            await self(uow, envelope, event)


async def test_adjacent_events_of_a_handler_applied_together_reach_it_in_one_call_once_each(
    infra, effects, organisations_topic, consume
) -> None:
    names = ["one", "two", "one", "three", "four", "five"]  # "one" twice: a redelivery
    encoded = {name: event_bytes(name) for name in dict.fromkeys(names)}
    for name in names:  # all on the topic before the consumer starts: one polled batch
        await send(infra, organisations_topic, encoded[name])
    handler = RecordingRuns()
    await consume(handler.together, f"g-{uuid4().hex}")
    await wait_for_effect(effects, "five")

    assert [await effect_count(effects, name) for name in encoded] == [1, 1, 1, 1, 1]
    assert sum(handler.runs) == 5 and max(handler.runs) > 1
    assert await effects.fetchval("SELECT count(*) FROM processed_events") == 5


async def test_a_run_with_a_poison_event_applies_the_others_once_and_parks_only_it(
    infra, effects, organisations_topic, consume
) -> None:
    names = ["before-1", "before-2", "poison", "after-1", "after-2"]
    for name in names:
        await send(infra, organisations_topic, event_bytes(name))
    handler = RecordingRuns(failures={"poison": None})
    await consume(handler.together, f"g-{uuid4().hex}")
    await wait_for_effect(effects, "after-2")

    assert [await effect_count(effects, name) for name in names] == [1, 1, 0, 1, 1]
    parked = await read_topic(
        infra.kafka_bootstrap_servers, dead_letter_topic(organisations_topic), at_least=1
    )
    assert len(parked) == 1 and b'"legal_name":"poison"' in parked[0].value.replace(b" ", b"")
    # Once in the failing run (rolled back), then alone: its first attempt and two retries.
    assert handler.calls["poison"] == 4


async def test_an_unknown_event_type_is_counted_and_skipped_and_the_next_one_is_processed(
    infra, effects, organisations_topic, consume
) -> None:
    unknown = wrap(sme_joined("from-the-future"), producer="test", correlation_id="c")
    unknown = unknown.model_copy(update={"event_type": "SomethingInvented", "event_version": 9})
    before = REGISTRY.get_sample_value("inbox_unknown_event_types_total", {"consumer": "test-consumer"}) or 0
    await send(infra, organisations_topic, encode(unknown))
    await send(infra, organisations_topic, event_bytes("after-unknown"))
    await consume(RecordingHandler(), f"g-{uuid4().hex}")
    await wait_for_effect(effects, "after-unknown")

    after = REGISTRY.get_sample_value("inbox_unknown_event_types_total", {"consumer": "test-consumer"})
    assert after == before + 1
    assert await effects.fetchval("SELECT count(*) FROM processed_events") == 1


async def test_a_tombstone_is_skipped_not_dead_lettered_and_the_next_one_is_processed(
    infra, effects, organisations_topic, consume
) -> None:
    before = REGISTRY.get_sample_value("inbox_tombstones_skipped_total", {"consumer": "test-consumer"}) or 0
    await send(infra, organisations_topic, None)
    await send(infra, organisations_topic, event_bytes("after-tombstone"))
    await consume(RecordingHandler(), f"g-{uuid4().hex}")
    await wait_for_effect(effects, "after-tombstone")

    after = REGISTRY.get_sample_value("inbox_tombstones_skipped_total", {"consumer": "test-consumer"})
    assert after == before + 1
    assert await effects.fetchval("SELECT count(*) FROM processed_events") == 1
