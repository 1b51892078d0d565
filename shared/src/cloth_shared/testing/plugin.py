"""pytest fixtures every service's tests can use (registered as the `cloth_shared` plugin)."""

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import asyncpg
import pytest

from cloth_shared.db import create_pool
from cloth_shared.migrations import upgrade_to_head
from cloth_shared.testing.databases import throwaway_database
from cloth_shared.testing.infrastructure import TestInfrastructure, locate_infrastructure
from cloth_shared.testing.topic_cleanup import (
    delete_topics,
    existing_test_topics,
    made_by_this_process,
    new_topic_namespace,
)


@pytest.fixture(scope="session")
def infra() -> Iterator[TestInfrastructure]:
    """Real PostgreSQL and Kafka for the whole test session."""
    try:
        with locate_infrastructure() as found:
            yield found
    except RuntimeError as missing:
        pytest.fail(str(missing), pytrace=False)


@pytest.fixture(autouse=True)
async def _delete_the_topics_a_test_created(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    """After each test on real infrastructure, its topics go (see testing/topic_cleanup.py)."""
    if "infra" not in request.fixturenames:
        yield
        return
    kafka = request.getfixturevalue("infra").kafka_bootstrap_servers
    before = await existing_test_topics(kafka)
    yield
    with contextlib.suppress(Exception):
        await delete_topics(kafka, made_by_this_process(await existing_test_topics(kafka) - before))


@pytest.fixture
def topic_prefix() -> str:
    """A namespace for this test's topics, so tests never see each other's events."""
    return new_topic_namespace()


@pytest.fixture
async def database_url(infra: TestInfrastructure, request: pytest.FixtureRequest) -> AsyncIterator[str]:
    """A fresh, empty database for one test."""
    label = "".join(ch for ch in request.node.name.lower() if ch.isalnum())[:20] or "db"
    async with throwaway_database(infra.database_admin_url, label) as url:
        yield url


@pytest.fixture
def service_environment(
    infra: TestInfrastructure, topic_prefix: str, monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    """Environment variables that point a service at the test infrastructure."""
    values = {
        "CLOTH_ENV": "test",
        "KAFKA_BOOTSTRAP_SERVERS": infra.kafka_bootstrap_servers,
        "KAFKA_TOPIC_PREFIX": topic_prefix,
        "LOG_JSON": os.environ.get("LOG_JSON", "false"),
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return values


@pytest.fixture
async def migrated_pool(database_url: str) -> AsyncIterator[Callable[[Path], Awaitable[asyncpg.Pool]]]:
    """A factory: the test's fresh database with a service's migrations applied, as a pool.

    For repository contract tests, which run the same cases against a fake and PostgreSQL.
    """
    pools: list[asyncpg.Pool] = []

    async def migrate_and_connect(migrations_dir: Path) -> asyncpg.Pool:
        await asyncio.to_thread(upgrade_to_head, migrations_dir, database_url)
        pools.append(await create_pool(database_url, min_size=1, max_size=4))
        return pools[-1]

    yield migrate_and_connect
    for pool in pools:
        await pool.close()
