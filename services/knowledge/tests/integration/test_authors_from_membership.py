"""Knowledge consuming membership's people events from a real topic, and the caller's own record."""

import asyncio
from collections.abc import AsyncIterator
from uuid import uuid4

import httpx
import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.contracts import topics
from cloth_shared.service import create_app
from cloth_shared.settings import load_settings
from cloth_shared.testing.apps import running
from cloth_shared.testing.examples import encoded, person_erased, person_joined
from cloth_shared.testing.kafka import produce_raw
from cloth_shared.testing.tokens import TestTokens
from knowledge.bootstrap import DEFINITION
from knowledge.config import KnowledgeSettings

pytestmark = pytest.mark.integration

TOKENS = TestTokens()


@pytest.fixture
async def knowledge(
    database_url: str, service_environment: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[httpx.AsyncClient]:
    monkeypatch.setenv("KNOWLEDGE_DATABASE_URL", database_url)
    monkeypatch.setenv("KNOWLEDGE_AUTH_PUBLIC_KEY_PEM", TOKENS.public_key_pem)
    app = create_app(DEFINITION, lambda: load_settings(KnowledgeSettings))
    async with running(app) as (client, _):
        yield client


async def answer_once(client: httpx.AsyncClient, headers: dict[str, str], status: int) -> httpx.Response:
    async with asyncio.timeout(30):
        while (answer := await client.get("/people/me", headers=headers)).status_code != status:
            await asyncio.sleep(0.05)
    return answer


async def test_an_author_is_credited_by_name_until_erased(knowledge, service_environment) -> None:
    topic = service_environment["KAFKA_TOPIC_PREFIX"] + topics.MEMBERSHIP_PEOPLE
    kafka, person_id = service_environment["KAFKA_BOOTSTRAP_SERVERS"], uuid4()
    headers = TOKENS.headers_for(Principal(person_id, frozenset({Role.ORGANISATION_MEMBER})))

    await produce_raw(
        kafka, topic, encoded(person_joined(person_id, display_name="Ana")), key=person_id.bytes
    )
    assert (await answer_once(knowledge, headers, 200)).json()["display_name"] == "Ana"

    await produce_raw(kafka, topic, encoded(person_erased(person_id)), key=person_id.bytes)
    assert (await answer_once(knowledge, headers, 401)).json()["code"] == "token-refused"
    fresh = TOKENS.headers_for(Principal(person_id, frozenset({Role.ORGANISATION_MEMBER})))
    assert (await answer_once(knowledge, fresh, 404)).json()["code"] == "person-not-known"


async def test_my_record_is_for_signed_in_callers_only(knowledge) -> None:
    answer = await knowledge.get("/people/me", headers={"Authorization": "Bearer not-a-token"})
    assert (answer.status_code, answer.json()["code"]) == (401, "invalid-token")
