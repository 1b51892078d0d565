"""The notifications service consuming membership events from a real Kafka topic."""

import asyncio
from collections.abc import AsyncIterator
from uuid import uuid4

import httpx
import pytest

from cloth_shared.contracts import topics
from cloth_shared.service import create_app
from cloth_shared.settings import load_settings
from cloth_shared.testing.apps import running
from cloth_shared.testing.examples import encoded, sme_joined
from cloth_shared.testing.kafka import produce_raw, read_topic
from cloth_shared.testing.tokens import TestTokens
from notifications.bootstrap import DEFINITION
from notifications.config import NotificationsSettings

from .person_flows import topic_prefix

pytestmark = pytest.mark.integration

__all__ = ["topic_prefix"]  # this module's tests use the notifications namespace


@pytest.fixture
def tokens() -> TestTokens:
    return TestTokens()


@pytest.fixture
async def notifications(
    database_url: str,
    service_environment: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    tokens: TestTokens,
) -> AsyncIterator[httpx.AsyncClient]:
    monkeypatch.setenv("NOTIFICATIONS_DATABASE_URL", database_url)
    monkeypatch.setenv("NOTIFICATIONS_AUTH_PUBLIC_KEY_PEM", tokens.public_key_pem)
    app = create_app(DEFINITION, lambda: load_settings(NotificationsSettings))
    async with running(app) as (client, _):
        yield client


def sme_joined_bytes(organisation_id, legal_name: str = "Bucharest Knitwear SRL") -> bytes:
    return encoded(sme_joined(legal_name, organisation_id, country="RO"))


async def inbox(
    client: httpx.AsyncClient, tokens: TestTokens, organisation_id, *, at_least: int
) -> list[dict]:
    """The organisation's inbox as one of its members sees it, once it has `at_least` entries."""
    async with asyncio.timeout(30):
        while True:
            answer = await client.get("/notifications", headers=tokens.member_of(organisation_id))
            assert answer.status_code == 200, answer.text
            if len(answer.json()) >= at_least:
                return answer.json()
            await asyncio.sleep(0.05)


async def test_a_redelivered_sme_joined_produces_no_second_notification(
    notifications, service_environment, tokens
) -> None:
    topic = service_environment["KAFKA_TOPIC_PREFIX"] + topics.MEMBERSHIP_ORGANISATIONS
    organisation_id, sentinel = uuid4(), uuid4()
    message = sme_joined_bytes(organisation_id)
    for value, key in (
        (message, organisation_id),
        (message, organisation_id),
        (sme_joined_bytes(sentinel), organisation_id),
    ):
        await produce_raw(service_environment["KAFKA_BOOTSTRAP_SERVERS"], topic, value, key=str(key).encode())
    await inbox(notifications, tokens, sentinel, at_least=1)  # processed after both copies
    assert len(await inbox(notifications, tokens, organisation_id, at_least=1)) == 1


async def test_a_malformed_message_is_dead_lettered_and_the_next_sme_is_still_welcomed(
    notifications, service_environment, tokens
) -> None:
    bootstrap = service_environment["KAFKA_BOOTSTRAP_SERVERS"]
    topic = service_environment["KAFKA_TOPIC_PREFIX"] + topics.MEMBERSHIP_ORGANISATIONS
    organisation_id = uuid4()
    await produce_raw(bootstrap, topic, b"\x00garbage", key=str(organisation_id).encode())
    await produce_raw(bootstrap, topic, sme_joined_bytes(organisation_id), key=str(organisation_id).encode())
    assert len(await inbox(notifications, tokens, organisation_id, at_least=1)) == 1
    parked = await read_topic(bootstrap, topics.dead_letter_topic(topic), at_least=1)
    assert [record.value for record in parked] == [b"\x00garbage"]
    assert dict(parked[0].headers)["dlq_consumer"] == b"notifications.membership"


async def test_an_inbox_is_closed_to_anonymous_callers_and_to_other_organisations(
    notifications, tokens
) -> None:
    organisation_id = uuid4()
    anonymous = await notifications.get("/notifications", params={"organisation_id": str(organisation_id)})
    assert anonymous.status_code == 401
    assert anonymous.json()["code"] == "not-authenticated"
    outsider = await notifications.get(
        "/notifications", params={"organisation_id": str(organisation_id)}, headers=tokens.member_of(uuid4())
    )
    assert outsider.status_code == 403
    assert outsider.json()["code"] == "not-your-organisation"
    forged = await notifications.get("/notifications", headers=TestTokens().member_of(organisation_id))
    assert forged.status_code == 401  # signed with a key the service does not trust
    admin = await notifications.get(
        "/notifications", params={"organisation_id": str(organisation_id)}, headers=tokens.admin()
    )
    assert admin.status_code == 200
    assert admin.json() == []
