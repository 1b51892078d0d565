"""After erasure, membership's outbox keeps none of the person's personal fields, and the
people topic ends with a tombstone for their key, so compaction makes Kafka forget them."""

import json
from collections.abc import AsyncIterator

import pytest

from cloth_shared.contracts import topics
from cloth_shared.service import Infrastructure, create_app
from cloth_shared.testing.apps import running
from cloth_shared.testing.flows import MembershipFlows
from cloth_shared.testing.kafka import read_topic
from membership.config import DEV_ADMIN_EMAIL, DEV_ADMIN_PASSWORD

from .conftest import _membership


@pytest.fixture
async def membership_and_infra(
    database_url: str, service_environment: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[MembershipFlows, Infrastructure]]:
    monkeypatch.setenv("MEMBERSHIP_DATABASE_URL", database_url)
    monkeypatch.setenv("MEMBERSHIP_ARGON2_TIME_COST", "1")
    monkeypatch.setenv("MEMBERSHIP_ARGON2_MEMORY_KIB", "8192")
    monkeypatch.setenv("MEMBERSHIP_OUTBOX_POLL_INTERVAL_SECONDS", "0.1")
    definition, settings, _ = _membership()
    async with running(create_app(definition, settings)) as (http, infra):
        yield MembershipFlows(http, DEV_ADMIN_EMAIL, DEV_ADMIN_PASSWORD), infra


async def test_erasure_redacts_the_outbox_and_ends_the_people_topic_with_a_tombstone(membership_and_infra):
    membership, infra = membership_and_infra
    organisation_id, admin = await membership.active()
    member = await membership.invited(admin, role="organisation_member", organisation_id=organisation_id)
    me = (await membership.http.get("/people/me", headers=member)).json()
    assert (await membership.http.delete("/people/me", headers=member)).status_code == 204

    rows = await infra.pool.fetch(
        "SELECT envelope::text AS envelope FROM outbox WHERE message_key = $1", me["id"]
    )
    assert rows, "the person's events are still in the outbox (published or not)"
    for row in rows:
        assert me["email"] not in row["envelope"] and "Ana Puig" not in row["envelope"]

    topic = infra.settings.topic(topics.MEMBERSHIP_PEOPLE)
    records = await read_topic(infra.settings.kafka_bootstrap_servers, topic, at_least=4)
    theirs = sorted((r for r in records if r.key == me["id"].encode()), key=lambda r: r.offset)
    assert json.loads(theirs[-2].value)["event_type"] == "PersonErased"
    assert theirs[-1].value is None  # the tombstone: compaction keeps nothing of theirs
