"""The notifications service running on real PostgreSQL and Kafka, seen by its people."""

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import UnknownTopicOrPartitionError

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.contracts import topics
from cloth_shared.contracts.envelope import Event
from cloth_shared.service import create_app
from cloth_shared.settings import load_settings
from cloth_shared.testing.apps import running
from cloth_shared.testing.examples import encoded, person_joined
from cloth_shared.testing.infrastructure import TestInfrastructure
from cloth_shared.testing.kafka import produce_raw
from cloth_shared.testing.tokens import TestTokens
from cloth_shared.testing.topic_cleanup import delete_topics
from notifications.bootstrap import DEFINITION
from notifications.config import NotificationsSettings

TOPIC_OF = {
    "membership": topics.MEMBERSHIP_PEOPLE,
    "exchange": topics.EXCHANGE_EXCHANGES,
}


@pytest.fixture
async def topic_prefix(infra: TestInfrastructure) -> AsyncIterator[str]:
    """This test's own topic namespace, deleted after it.

    Not `test-…`: the shared plugin deletes every `test-` topic that appeared while a test ran,
    so tests of other sessions on the same broker would delete this one's topics mid-run.
    """
    prefix = f"ntf-{uuid4().hex[:10]}."
    yield prefix
    mine = {topic for topic in await _all_topics(infra.kafka_bootstrap_servers) if topic.startswith(prefix)}
    await delete_topics(infra.kafka_bootstrap_servers, mine)


async def _all_topics(bootstrap_servers: str) -> set[str]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, request_timeout_ms=10_000)
    await admin.start()
    try:
        return set(await admin.list_topics())
    finally:
        await admin.close()


def configure(monkeypatch: pytest.MonkeyPatch, database_url: str, tokens: TestTokens) -> None:
    monkeypatch.setenv("NOTIFICATIONS_DATABASE_URL", database_url)
    monkeypatch.setenv("NOTIFICATIONS_AUTH_PUBLIC_KEY_PEM", tokens.public_key_pem)
    # One partition per topic: a sentinel produced last is consumed last.
    monkeypatch.setenv("NOTIFICATIONS_KAFKA_TOPIC_PARTITIONS", "1")


@contextlib.asynccontextmanager
async def notifications_service() -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(DEFINITION, lambda: load_settings(NotificationsSettings))
    async with running(app) as (client, _):
        yield client


class People:
    """Produces events as their producers would, and reads inboxes as their owners."""

    def __init__(self, environment: dict[str, str], tokens: TestTokens) -> None:
        self._bootstrap = environment["KAFKA_BOOTSTRAP_SERVERS"]
        self._prefix = environment["KAFKA_TOPIC_PREFIX"]
        self.tokens = tokens

    async def produce(self, event: Event, *, event_id: UUID | None = None) -> bytes:
        value = encoded(event, event_id=event_id)
        await self.produce_bytes(event, value)
        return value

    async def produce_bytes(self, event: Event, value: bytes) -> None:
        topic = self._prefix + event.topic
        async with asyncio.timeout(60):
            while True:
                try:
                    await produce_raw(self._bootstrap, topic, value, key=event.subject_key().encode())
                    return
                except UnknownTopicOrPartitionError:
                    # Created by the service a moment ago: its metadata is still propagating.
                    await asyncio.sleep(0.5)

    async def join(self, organisation_id: UUID, *, role: str = "organisation_member") -> UUID:
        joined = person_joined(role=role, organisation_id=organisation_id)  # type: ignore[arg-type]
        await self.produce(joined)
        return joined.person_id

    def headers(self, person_id: UUID, organisation_id: UUID | None = None) -> dict[str, str]:
        roles = frozenset({Role.ORGANISATION_MEMBER})
        return self.tokens.headers_for(Principal(person_id, roles, organisation_id=organisation_id))

    async def inbox(
        self, client: httpx.AsyncClient, person_id: UUID, *, at_least: int, **params: Any
    ) -> dict[str, Any]:
        """The person's inbox page as they see it, once it holds `at_least` items."""
        async with asyncio.timeout(30):
            while True:
                answer = await client.get("/inbox", headers=self.headers(person_id), params=params)
                assert answer.status_code == 200, answer.text
                page: dict[str, Any] = answer.json()
                if len(page["items"]) >= at_least:
                    return page
                await asyncio.sleep(0.05)


def new_organisation() -> UUID:
    return uuid4()
