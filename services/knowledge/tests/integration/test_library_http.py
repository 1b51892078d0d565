"""The library over HTTP on real PostgreSQL and Kafka: moderation from draft to archive, the
events it publishes through the outbox, and the organisations read model fed from a real topic
(with a redelivery)."""

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any
from uuid import UUID, uuid4

import asyncpg
import httpx
import pytest
from aiokafka.admin import AIOKafkaAdminClient

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.contracts import topics
from cloth_shared.contracts.codec import decode
from cloth_shared.service import create_app
from cloth_shared.settings import load_settings
from cloth_shared.testing.apps import running
from cloth_shared.testing.examples import encoded, sme_joined
from cloth_shared.testing.kafka import produce_raw, read_topic
from cloth_shared.testing.tokens import TestTokens
from cloth_shared.testing.topic_cleanup import delete_topics
from knowledge.bootstrap import DEFINITION
from knowledge.config import KnowledgeSettings

pytestmark = pytest.mark.integration

TOKENS = TestTokens()
ORGANISATION, CLUSTER = uuid4(), uuid4()
Headers = dict[str, str]


def as_(role: Role, *, organisation: UUID | None = None, cluster: UUID | None = None) -> Headers:
    caller = Principal(uuid4(), frozenset({role}), organisation_id=organisation, cluster_id=cluster)
    # Made when the module is collected and used when its tests run, up to a whole suite later.
    return TOKENS.headers_for(caller, lifetime=timedelta(hours=2))


AUTHOR = as_(Role.ORGANISATION_MEMBER, organisation=ORGANISATION)
STRANGER = as_(Role.ORGANISATION_ADMIN, organisation=uuid4())
MANAGER = as_(Role.CLUSTER_MANAGER, cluster=CLUSTER)
OTHER_MANAGER = as_(Role.CLUSTER_MANAGER, cluster=uuid4())
ADMIN = as_(Role.PLATFORM_ADMIN)
PUBLIC: Headers = {}

GUIDE: dict[str, Any] = {
    "kind": "guide",
    "language": "es",
    "author_organisation_id": str(ORGANISATION),
    "title": "Moda sostenible",
    "summary": "Ecodiseño desde el primer boceto.",
    "body": "## Tintes\n\nTintes **naturales** <script>alert(1)</script>",
    "tags": ["ecodiseño"],
    "links": ["https://example.org/ecodesign"],
}


@pytest.fixture
async def topic_prefix(infra) -> AsyncIterator[str]:  # type: ignore[no-untyped-def]
    """Outside the shared `test-` namespace: with several pytest sessions on one broker, another
    session's clean-up deletes every `test-` topic created while its own test ran, ours included.
    So this test deletes its own topics."""
    prefix = f"library-{uuid4().hex[:10]}."
    yield prefix
    admin = AIOKafkaAdminClient(bootstrap_servers=infra.kafka_bootstrap_servers)
    await admin.start()
    try:
        ours = {topic for topic in await admin.list_topics() if topic.startswith(prefix)}
    finally:
        await admin.close()
    await delete_topics(infra.kafka_bootstrap_servers, ours)


@pytest.fixture
async def knowledge(
    database_url: str, service_environment: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[httpx.AsyncClient]:
    monkeypatch.setenv("KNOWLEDGE_DATABASE_URL", database_url)
    monkeypatch.setenv("KNOWLEDGE_AUTH_PUBLIC_KEY_PEM", TOKENS.public_key_pem)
    app = create_app(DEFINITION, lambda: load_settings(KnowledgeSettings))
    async with running(app) as (client, _):
        yield client


async def organisation_known(service_environment: dict[str, str], database_url: str) -> None:
    """SMEJoined on the real topic, delivered twice: the read model learns the cluster once."""
    topic = service_environment["KAFKA_TOPIC_PREFIX"] + topics.MEMBERSHIP_ORGANISATIONS
    kafka, event_id = service_environment["KAFKA_BOOTSTRAP_SERVERS"], uuid4()
    message = encoded(sme_joined(organisation_id=ORGANISATION, cluster_id=CLUSTER), event_id=event_id)
    for _ in range(2):
        await produce_raw(kafka, topic, message, key=str(ORGANISATION).encode())
    connection = await asyncpg.connect(database_url)
    try:
        async with asyncio.timeout(30):
            while await connection.fetchval("SELECT count(*) FROM library_organisations") == 0:
                await asyncio.sleep(0.05)
        assert await connection.fetchval("SELECT cluster_id FROM library_organisations") == CLUSTER
        deliveries = "SELECT count(*) FROM processed_events WHERE event_id = $1"
        assert await connection.fetchval(deliveries, event_id) == 1
    finally:
        await connection.close()


async def test_a_resource_goes_from_draft_to_published_to_a_new_revision_sent_back_then_archived(
    knowledge: httpx.AsyncClient, service_environment: dict[str, str], database_url: str
) -> None:
    await organisation_known(service_environment, database_url)
    created = await knowledge.post("/resources", json=GUIDE, headers=AUTHOR)
    assert created.status_code == 201, created.text
    resource = f"/resources/{created.json()['id']}"
    assert (await knowledge.get(resource)).status_code == 404  # a draft is not public

    assert (await knowledge.post(f"{resource}/submit", headers=AUTHOR)).json()["status"] == "submitted"
    queue = await knowledge.get("/resources/moderation-queue", headers=MANAGER)
    assert [r["id"] for r in queue.json()] == [created.json()["id"]]
    assert (await knowledge.get("/resources/moderation-queue", headers=OTHER_MANAGER)).json() == []
    assert (await knowledge.post(f"{resource}/publish", headers=AUTHOR)).status_code == 403
    assert (await knowledge.post(f"{resource}/publish", headers=OTHER_MANAGER)).status_code == 404
    assert (await knowledge.post(f"{resource}/publish", headers=MANAGER)).status_code == 200

    public = (await knowledge.get(resource)).json()
    assert (public["status"], public["latest_revision"]) == ("published", None)
    assert "<script>" not in public["body_html"] and "<strong>naturales</strong>" in public["body_html"]
    found = (await knowledge.get("/resources", params={"q": "sostenibles"})).json()
    assert [hit["title"] for hit in found["hits"]] == ["Moda sostenible"]
    assert found["facets"]["language"] == {"es": 1}

    edit = {key: GUIDE[key] for key in ("summary", "body", "tags", "links")} | {"title": "Moda sostenible 2"}
    assert (await knowledge.put(resource, json=edit, headers=AUTHOR)).json()["latest_revision"]["number"] == 2
    await knowledge.post(f"{resource}/submit", headers=AUTHOR)
    comment = {"comment": "Cita las fuentes"}
    sent_back = await knowledge.post(f"{resource}/send-back", json=comment, headers=MANAGER)
    assert sent_back.json()["latest_revision"]["comment"] == "Cita las fuentes"
    assert (await knowledge.get(resource)).json()["title"] == "Moda sostenible"  # still the published one
    history = (await knowledge.get(f"{resource}/revisions", headers=AUTHOR)).json()["revisions"]
    assert [(r["number"], r["status"]) for r in history] == [(1, "published"), (2, "sent_back")]
    second = (await knowledge.get(f"{resource}/revisions/2", headers=MANAGER)).json()
    assert second["title"] == "Moda sostenible 2"

    assert (await knowledge.post(f"{resource}/archive", headers=AUTHOR)).json()["status"] == "archived"
    assert (await knowledge.get(resource)).status_code == 404

    topic = service_environment["KAFKA_TOPIC_PREFIX"] + topics.KNOWLEDGE_RESOURCES
    records = await read_topic(service_environment["KAFKA_BOOTSTRAP_SERVERS"], topic, at_least=5)
    announced = [decode(record.value)[0].event_type for record in records]
    assert announced == [
        "ResourceSubmitted",
        "ResourcePublished",
        "ResourceSubmitted",
        "ResourceSentBack",
        "ResourceArchived",
    ]
    assert {record.key for record in records} == {created.json()["id"].encode()}


async def test_every_library_endpoint_answers_whom_its_rule_allows_and_refuses_the_others(
    knowledge: httpx.AsyncClient, service_environment: dict[str, str], database_url: str
) -> None:
    await organisation_known(service_environment, database_url)

    async def started(title: str) -> str:
        return str(
            (await knowledge.post("/resources", json=GUIDE | {"title": title}, headers=AUTHOR)).json()["id"]
        )

    draft, published, waiting = await started("Borrador"), await started("Guía"), await started("Otra")
    await knowledge.post(f"/resources/{published}/submit", headers=AUTHOR)
    assert (await knowledge.post(f"/resources/{published}/publish", headers=ADMIN)).status_code == 200
    await knowledge.post(f"/resources/{waiting}/submit", headers=AUTHOR)
    content = {key: GUIDE[key] for key in ("title", "summary", "body")}
    organisation = f"/organisations/{ORGANISATION}/resources"

    table: list[tuple[str, str, Headers, dict[str, Any] | None, int]] = [
        ("POST", "/resources", PUBLIC, GUIDE, 401),
        ("POST", "/resources", STRANGER, GUIDE, 403),
        ("POST", "/resources", MANAGER, GUIDE, 403),
        ("POST", "/resources", AUTHOR, GUIDE, 201),
        ("GET", "/resources?q=moda", PUBLIC, None, 200),
        ("GET", "/resources/moderation-queue", PUBLIC, None, 401),
        ("GET", "/resources/moderation-queue", AUTHOR, None, 403),
        ("GET", "/resources/moderation-queue", MANAGER, None, 200),
        ("GET", "/resources/moderation-queue", ADMIN, None, 200),
        ("GET", organisation, PUBLIC, None, 401),
        ("GET", organisation, STRANGER, None, 403),
        ("GET", organisation, OTHER_MANAGER, None, 403),
        ("GET", organisation, AUTHOR, None, 200),
        ("GET", organisation, MANAGER, None, 200),
        ("GET", f"/resources/{draft}", PUBLIC, None, 404),
        ("GET", f"/resources/{draft}", STRANGER, None, 404),
        ("GET", f"/resources/{draft}", AUTHOR, None, 200),
        ("GET", f"/resources/{draft}", MANAGER, None, 200),
        ("GET", f"/resources/{published}", PUBLIC, None, 200),
        ("PUT", f"/resources/{draft}", PUBLIC, content, 401),
        ("PUT", f"/resources/{draft}", STRANGER, content, 404),
        ("PUT", f"/resources/{published}", STRANGER, content, 403),
        ("PUT", f"/resources/{published}", MANAGER, content, 403),
        ("PUT", f"/resources/{draft}", AUTHOR, content, 200),
        ("POST", f"/resources/{draft}/submit", STRANGER, None, 404),
        ("POST", f"/resources/{draft}/submit", MANAGER, None, 403),
        ("POST", f"/resources/{draft}/submit", AUTHOR, None, 200),
        ("POST", f"/resources/{draft}/submit", AUTHOR, None, 409),
        ("POST", f"/resources/{waiting}/send-back", AUTHOR, {"comment": "Too short"}, 403),
        ("POST", f"/resources/{waiting}/send-back", OTHER_MANAGER, {"comment": "Too short"}, 404),
        ("POST", f"/resources/{waiting}/send-back", MANAGER, {"comment": "Too short"}, 200),
        ("POST", f"/resources/{draft}/publish", PUBLIC, None, 401),
        ("POST", f"/resources/{draft}/publish", AUTHOR, None, 403),
        ("POST", f"/resources/{draft}/publish", MANAGER, None, 200),
        ("GET", f"/resources/{published}/revisions", PUBLIC, None, 403),
        ("GET", f"/resources/{published}/revisions", OTHER_MANAGER, None, 403),
        ("GET", f"/resources/{published}/revisions", AUTHOR, None, 200),
        ("GET", f"/resources/{published}/revisions/1", PUBLIC, None, 404),
        ("GET", f"/resources/{published}/revisions/1", MANAGER, None, 200),
        ("GET", f"/resources/{published}/translations", PUBLIC, None, 200),
        ("POST", f"/resources/{published}/translations", PUBLIC, content | {"language": "ca"}, 401),
        ("POST", f"/resources/{published}/translations", STRANGER, content | {"language": "ca"}, 403),
        ("POST", f"/resources/{published}/translations", AUTHOR, content | {"language": "ca"}, 201),
        ("POST", f"/resources/{published}/translations", AUTHOR, content | {"language": "ca"}, 409),
        ("POST", f"/resources/{published}/archive", PUBLIC, None, 401),
        ("POST", f"/resources/{published}/archive", STRANGER, None, 403),
        ("POST", f"/resources/{published}/archive", OTHER_MANAGER, None, 403),
        ("POST", f"/resources/{published}/archive", MANAGER, None, 200),
        ("POST", f"/resources/{draft}/archive", AUTHOR, None, 200),
    ]
    answers = []
    for method, path, headers, body, _ in table:
        answer = await knowledge.request(method, path, headers=headers, json=body)
        answers.append((method, path, answer.status_code))
        if answer.status_code >= 400:
            assert answer.headers["content-type"] == "application/problem+json", answer.text
    assert answers == [(method, path, status) for method, path, _, _, status in table]
