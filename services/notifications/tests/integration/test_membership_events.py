"""The notifications service consuming membership's organisation events from a real Kafka topic.

An organisation that joins is news for its cluster's managers: they read it in their own inbox.
"""

from datetime import UTC, datetime
from uuid import UUID, uuid4

import pytest

from cloth_shared.contracts import topics
from cloth_shared.testing.examples import encoded, person_joined, sme_joined
from cloth_shared.testing.kafka import produce_raw, read_topic
from cloth_shared.testing.tokens import TestTokens

from .person_flows import People, configure, notifications_service, topic_prefix

pytestmark = pytest.mark.integration

__all__ = ["topic_prefix"]  # this module's tests use the notifications namespace


@pytest.fixture
def people(database_url: str, service_environment: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> People:
    tokens = TestTokens()
    configure(monkeypatch, database_url, tokens)
    return People(service_environment, tokens)


async def a_cluster_manager(people: People, client, cluster_id: UUID) -> UUID:  # type: ignore[no-untyped-def]
    """A manager the directory knows (their own welcome is in their inbox) before any news."""
    joined = person_joined(role="cluster_manager", cluster_id=cluster_id)
    await people.produce(joined)
    await people.inbox(client, joined.person_id, at_least=1)
    return joined.person_id


def sme_joined_in(cluster_id: UUID, organisation_id: UUID | None = None):  # type: ignore[no-untyped-def]
    return sme_joined(
        "Bucharest Knitwear SRL", organisation_id or uuid4(), country="RO", cluster_id=cluster_id
    )


def kinds(page: dict) -> list[str]:  # type: ignore[type-arg]
    return [item["event_type"] for item in page["items"]]


async def test_a_redelivered_sme_joined_tells_the_clusters_manager_once(people: People) -> None:
    cluster_id = uuid4()
    async with notifications_service() as client:
        manager = await a_cluster_manager(people, client, cluster_id)
        joined = sme_joined_in(cluster_id)
        message = encoded(joined)
        await people.produce_bytes(joined, message)
        await people.produce_bytes(joined, message)
        await people.produce(sme_joined_in(cluster_id))  # the sentinel: read after both copies
        page = await people.inbox(client, manager, at_least=3)
    assert kinds(page).count("SMEJoined") == 2  # the redelivered one and the sentinel
    assert len(page["items"]) == 3


async def test_an_approval_read_before_the_applicants_person_joined_still_reaches_the_applicant(
    people: People,
) -> None:
    """The two events are on different topics, read by different consumer groups."""
    cluster_id, organisation_id = uuid4(), uuid4()
    applicant = person_joined(role="organisation_admin", organisation_id=organisation_id)
    applied_at = datetime.now(UTC)
    async with notifications_service() as client:
        manager = await a_cluster_manager(people, client, cluster_id)
        await people.produce(sme_joined_in(cluster_id, organisation_id))
        await people.inbox(client, manager, at_least=2)  # routed while nobody of it was known
        await people.produce_bytes(applicant, encoded(applicant, occurred_at=applied_at))
        page = await people.inbox(client, applicant.person_id, at_least=2)
    assert sorted(kinds(page)) == ["PersonJoined", "SMEJoined"]


async def test_a_malformed_message_is_dead_lettered_and_the_next_sme_is_still_announced(
    people: People, service_environment: dict[str, str]
) -> None:
    bootstrap = service_environment["KAFKA_BOOTSTRAP_SERVERS"]
    topic = service_environment["KAFKA_TOPIC_PREFIX"] + topics.MEMBERSHIP_ORGANISATIONS
    cluster_id = uuid4()
    async with notifications_service() as client:
        manager = await a_cluster_manager(people, client, cluster_id)
        await produce_raw(bootstrap, topic, b"\x00garbage", key=str(cluster_id).encode())
        await people.produce(sme_joined_in(cluster_id))
        page = await people.inbox(client, manager, at_least=2)
        # Two inboxes of this service read the topic (the people's and the partners' webhooks):
        # each parks what it cannot read, once; the webhooks' may come later (it gathers, see
        # entrypoints/webhook_consumers.py), so the service runs until both have.
        parked = await read_topic(bootstrap, topics.dead_letter_topic(topic), at_least=2)
    assert kinds(page).count("SMEJoined") == 1
    assert sorted((dict(record.headers)["dlq_consumer"], record.value) for record in parked) == [
        (b"notifications.membership", b"\x00garbage"),
        (b"notifications.webhooks", b"\x00garbage"),
    ]
