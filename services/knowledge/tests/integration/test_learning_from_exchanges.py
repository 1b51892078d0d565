"""Knowledge consuming exchange's and membership's events from real topics: a lessons-learned
draft per shared completion, whatever is redelivered, and learning plans read over HTTP."""

import asyncio
from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.contracts import topics
from cloth_shared.service import create_app
from cloth_shared.settings import load_settings
from cloth_shared.testing.apps import running
from cloth_shared.testing.examples import MODACC, encoded, exchange_completed, sme_joined
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


def person_of(organisation_id: UUID) -> dict[str, str]:
    return TOKENS.headers_for(
        Principal(uuid4(), frozenset({Role.ORGANISATION_MEMBER}), organisation_id=organisation_id)
    )


async def until(client: httpx.AsyncClient, path: str, headers: dict[str, str], done: Any) -> Any:
    """Poll until the consumers have applied what the condition waits for."""
    async with asyncio.timeout(30):
        while True:
            answer = await client.get(path, headers=headers)
            if answer.status_code == 200 and done(answer.json()):
                return answer.json()
            await asyncio.sleep(0.1)


async def test_a_shared_completion_makes_one_draft_however_often_it_is_delivered(
    knowledge, service_environment
) -> None:
    kafka = service_environment["KAFKA_BOOTSTRAP_SERVERS"]
    prefix = service_environment["KAFKA_TOPIC_PREFIX"]
    visitor, host = uuid4(), uuid4()
    people = person_of(visitor)
    host_joined = sme_joined("Tricotaje Brasov SRL", organisation_id=host, country="RO")
    await produce_raw(kafka, prefix + topics.MEMBERSHIP_ORGANISATIONS, encoded(host_joined), key=host.bytes)
    await until(knowledge, f"/organisations/{host}/learning-plan", person_of(host), lambda _: True)

    shared = exchange_completed(visitor=visitor, host=host, shared_summary="Natural dyes at scale.")
    private = exchange_completed(visitor=visitor, shared_summary=None)
    marker = exchange_completed(visitor=visitor, shared_summary="A second stay, in Bulgaria.")
    # One key for all, so they stay in this order: the marker is applied after every redelivery.
    topic, key = prefix + topics.EXCHANGE_EXCHANGES, visitor.bytes
    same_delivery = encoded(shared, producer="exchange")
    for value in (same_delivery, same_delivery, encoded(shared, producer="exchange"), encoded(private)):
        await produce_raw(kafka, topic, value, key=key)
    await produce_raw(kafka, topic, encoded(marker, producer="exchange"), key=key)

    drafts = await until(knowledge, f"/organisations/{visitor}/resources", people, lambda r: len(r) >= 2)
    assert len(drafts) == 2
    titles = sorted(draft["title"] for draft in drafts)
    assert titles[0].endswith("with Tricotaje Brasov SRL")
    assert {draft["kind"] for draft in drafts} == {"lessons_learned"}
    first = next(draft for draft in drafts if draft["title"] == titles[0])
    detail = (await knowledge.get(f"/resources/{first['id']}", headers=people)).json()
    assert "Natural dyes at scale." in detail["body_html"]
    assert (await knowledge.get(f"/resources/{first['id']}")).status_code == 404  # not public


async def test_the_learning_plan_follows_joining_and_the_catalogue_and_only_its_readers_see_it(
    knowledge, service_environment
) -> None:
    kafka = service_environment["KAFKA_BOOTSTRAP_SERVERS"]
    organisation = uuid4()
    joined = sme_joined(
        organisation_id=organisation, cluster_id=MODACC, value_chains=("circular_economy",), languages=("es",)
    )
    topic = service_environment["KAFKA_TOPIC_PREFIX"] + topics.MEMBERSHIP_ORGANISATIONS
    await produce_raw(kafka, topic, encoded(joined), key=organisation.bytes)
    path, people = f"/organisations/{organisation}/learning-plan", person_of(organisation)
    plan = await until(knowledge, path, people, lambda _: True)
    assert (plan["languages"], plan["skill_areas"], plan["courses"]) == (
        ["es"],
        ["green", "entrepreneurial"],
        [],
    )

    manager = TOKENS.headers_for(Principal(uuid4(), frozenset({Role.CLUSTER_MANAGER}), cluster_id=MODACC))
    course = {
        "cluster_id": str(MODACC),
        "title": "Ecodiseño circular",
        "skill_area": "green",
        "audience": "members",
        "language": "es",
        "learning_outcomes": ["Diseñar para desmontar"],
        "modules": ["Ecodiseño"],
        "completion_rule": {"min_attendance_percent": 50, "assessment_required": False},
    }
    assert (await knowledge.post("/training/courses", json=course, headers=manager)).status_code == 201
    plan = (await knowledge.get(path, headers=people)).json()
    assert [suggested["title"] for suggested in plan["courses"]] == ["Ecodiseño circular"]
    assert (await knowledge.get(path, headers=manager)).status_code == 200

    stranger = person_of(uuid4())
    other_manager = TOKENS.headers_for(
        Principal(uuid4(), frozenset({Role.CLUSTER_MANAGER}), cluster_id=uuid4())
    )
    for refused in (stranger, other_manager):
        answer = await knowledge.get(path, headers=refused)
        assert (answer.status_code, answer.json()["code"]) == (403, "not-your-learning-plan")
    assert (await knowledge.get(path)).status_code == 401
    unknown = await knowledge.get(
        f"/organisations/{uuid4()}/learning-plan",
        headers=TOKENS.headers_for(Principal(uuid4(), frozenset({Role.PLATFORM_ADMIN}))),
    )
    assert (unknown.status_code, unknown.json()["code"]) == (404, "learning-plan-not-found")
