"""Real PostgreSQL database with the outbox/inbox tables, and a real Kafka topic, per test."""

from collections.abc import AsyncIterator

import asyncpg
import pytest

from cloth_shared.contracts import topics
from cloth_shared.db import create_pool
from cloth_shared.messaging.topics_admin import ensure_topics
from cloth_shared.outbox.schema import CREATE_OUTBOX, CREATE_PROCESSED_EVENTS
from cloth_shared.testing.infrastructure import TestInfrastructure

pytestmark = pytest.mark.integration


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(database_url, min_size=1, max_size=10)
    await pool.execute(CREATE_OUTBOX + CREATE_PROCESSED_EVENTS)
    yield pool
    await pool.close()


@pytest.fixture
async def organisations_topic(infra: TestInfrastructure, topic_prefix: str) -> str:
    """A fresh `membership.organisations` topic (and its dead-letter topic) for this test."""
    name = f"{topic_prefix}{topics.MEMBERSHIP_ORGANISATIONS}"
    await ensure_topics(
        infra.kafka_bootstrap_servers, [name, topics.dead_letter_topic(name)], partitions=4, replication=1
    )
    return name
