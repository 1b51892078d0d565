"""Outbox relay throughput against a raw aiokafka producer sending the same payloads.

Target (design/quality-bars.md): >= 5,000 events/s. Both sides use acks=all and idempotence;
the relay also reads the rows and marks them sent in PostgreSQL, which is the cost measured.
"""

import json
import statistics
import time
from typing import Any
from uuid import uuid4

import asyncpg
from aiokafka import AIOKafkaProducer

from bench.common import Measure, RunOptions, admin_url, bootstrap_servers
from bench.table import Row
from cloth_shared.contracts.envelope import wrap
from cloth_shared.db import create_pool
from cloth_shared.messaging.producer import ResilientProducer
from cloth_shared.messaging.topics_admin import ensure_topics
from cloth_shared.outbox.relay import OutboxRelay
from cloth_shared.outbox.schema import CREATE_OUTBOX
from cloth_shared.testing.databases import throwaway_database
from cloth_shared.testing.examples import sme_joined

INSERT = """
INSERT INTO outbox (event_id, event_type, topic, message_key, envelope, headers)
SELECT (e->>'event_id')::uuid, e->>'event_type', $2, e->>'subject_key', e, '{}'::jsonb
FROM jsonb_array_elements($1::jsonb) AS e
"""


def payloads(count: int) -> list[dict[str, Any]]:
    keys = [uuid4() for _ in range(200)]
    return [
        wrap(
            sme_joined(organisation_id=keys[n % len(keys)]), producer="bench", correlation_id="bench"
        ).model_dump(mode="json")
        for n in range(count)
    ]


async def raw_producer_rate(bootstrap: str, topic: str, envelopes: list[dict[str, Any]]) -> float:
    values = [(e["subject_key"].encode(), json.dumps(e, separators=(",", ":")).encode()) for e in envelopes]
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        acks="all",
        enable_idempotence=True,
        linger_ms=2,
        max_batch_size=1024 * 1024,
    )
    await producer.start()
    try:
        started = time.perf_counter()
        futures = [await producer.send(topic, value, key=key) for key, value in values]
        for future in futures:
            await future
        return len(values) / (time.perf_counter() - started)
    finally:
        await producer.stop()


async def relay_rate(
    pool: asyncpg.Pool, bootstrap: str, topic: str, envelopes: list[dict[str, Any]]
) -> float:
    await pool.execute("TRUNCATE outbox")
    await pool.execute(INSERT, envelopes, topic)
    producer = ResilientProducer(bootstrap, client_id="bench-relay", timeout_seconds=30)
    relay = OutboxRelay(pool, producer, service="bench", dsn="unused", batch_size=500)
    try:
        started = time.perf_counter()
        published = await relay.publish_pending()
        elapsed = time.perf_counter() - started
    finally:
        await producer.stop()
    assert published == len(envelopes), (published, len(envelopes))
    return published / elapsed


async def run(options: RunOptions) -> list[Row]:
    """One row: the relay's median rate over `relay_rounds` rounds; no data-scale dependence."""
    events, rounds = options.relay_events, options.relay_rounds
    bootstrap = bootstrap_servers()
    topic = f"bench-{options.run_id}-{uuid4().hex[:6]}.outbox"
    await ensure_topics(bootstrap, [topic], partitions=4, replication=1)
    envelopes = payloads(events)
    async with throwaway_database(admin_url(), "bench") as url:
        pool = await create_pool(url, min_size=2, max_size=10)
        await pool.execute(CREATE_OUTBOX)
        baseline, relay = [], []
        for _ in range(rounds):
            baseline.append(await raw_producer_rate(bootstrap, topic, envelopes))
            relay.append(await relay_rate(pool, bootstrap, topic, envelopes))
        await pool.close()
    row = Row(
        "relay",
        f"outbox relay: read + send + mark ({events:,} events)",
        unit="events/s",
        goal=">=5000/s",
        baseline_name="raw aiokafka producer, same payloads",
        min_rate=5000,
    )
    scale = options.scales[0]
    row.measures[scale] = Measure(statistics.median(relay))
    row.baselines[scale] = Measure(statistics.median(baseline))
    return [row]
