"""pytest fixtures every service's tests can use (registered as the `cloth_shared` plugin)."""

import os
from collections.abc import AsyncIterator, Iterator
from uuid import uuid4

import pytest

from cloth_shared.testing.databases import throwaway_database
from cloth_shared.testing.infrastructure import TestInfrastructure, locate_infrastructure


@pytest.fixture(scope="session")
def infra() -> Iterator[TestInfrastructure]:
    """Real PostgreSQL and Kafka for the whole test session."""
    try:
        with locate_infrastructure() as found:
            yield found
    except RuntimeError as missing:
        pytest.fail(str(missing), pytrace=False)


@pytest.fixture
def topic_prefix() -> str:
    """A namespace for this test's topics, so tests never see each other's events."""
    return f"test-{uuid4().hex[:10]}."


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
