"""People told of exchange events through Kafka, reading their own inbox over HTTP."""

import json
from collections.abc import AsyncIterator
from uuid import uuid4

import asyncpg
import httpx
import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.testing.examples import person_erased
from cloth_shared.testing.tokens import TestTokens

from ..unit.exchange_examples import exchange_requested, exchange_snapshot
from .person_flows import People, configure, notifications_service, topic_prefix

pytestmark = pytest.mark.integration

__all__ = ["topic_prefix"]  # this module's tests use the notifications namespace


@pytest.fixture
def tokens() -> TestTokens:
    return TestTokens()


@pytest.fixture
def people(service_environment: dict[str, str], tokens: TestTokens) -> People:
    return People(service_environment, tokens)


@pytest.fixture
async def notifications(
    database_url: str,
    service_environment: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    tokens: TestTokens,
) -> AsyncIterator[httpx.AsyncClient]:
    configure(monkeypatch, database_url, tokens)
    async with notifications_service() as client:
        yield client


async def test_an_exchange_request_reaches_the_hosts_member_once_though_delivered_twice(
    notifications: httpx.AsyncClient, people: People, database_url: str
) -> None:
    snapshot = exchange_snapshot()
    member = await people.join(snapshot.host_organisation_id)
    await people.inbox(notifications, member, at_least=1)  # their own welcome: the directory knows them
    requested = exchange_requested(snapshot)
    value = await people.produce(requested)
    await people.produce_bytes(requested, value)
    sentinel = await people.produce(exchange_requested(exchange_snapshot(host=snapshot.host_organisation_id)))
    assert sentinel

    page = await people.inbox(notifications, member, at_least=3)

    assert [i["event_type"] for i in page["items"]] == [
        "ExchangeRequested",
        "ExchangeRequested",
        "PersonJoined",
    ]
    assert page["unread"] == 3
    connection = await asyncpg.connect(database_url)
    try:
        emails = await connection.fetch(
            "SELECT template, status FROM email_deliveries WHERE person_id = $1 ORDER BY created_at", member
        )
    finally:
        await connection.close()
    # One row per request, none for the redelivery (the sender may already have taken them up).
    assert [e["template"] for e in emails].count("ExchangeRequested") == 2


async def test_a_redelivered_erasure_leaves_the_person_forgotten_and_their_mail_anonymous(
    notifications: httpx.AsyncClient, people: People, database_url: str
) -> None:
    organisation_id = uuid4()
    member = await people.join(organisation_id)
    await people.inbox(notifications, member, at_least=1)
    erased = person_erased(member)
    value = await people.produce(erased)
    await people.produce_bytes(erased, value)
    witness = await people.join(organisation_id)
    await people.inbox(notifications, witness, at_least=1)  # the erasures were consumed before it

    connection = await asyncpg.connect(database_url)
    try:
        recipients = await connection.fetchval("SELECT count(*) FROM recipients WHERE person_id = $1", member)
        records = await connection.fetchval(
            "SELECT count(*) FROM person_notifications WHERE person_id = $1", member
        )
        mails = await connection.fetch(
            "SELECT person_id, to_address, context, status FROM email_deliveries"
            " WHERE template = 'generic'"  # PersonJoined has no template of its own
        )
    finally:
        await connection.close()
    assert (recipients, records) == (0, 0)
    assert sorted((m["to_address"], m["status"]) for m in mails if m["person_id"] is None) == [
        ("erased", "failed")
    ]
    assert [json.loads(m["context"]) for m in mails if m["person_id"] is None] == [{}]


async def test_each_person_sees_only_their_own_inbox_and_administrators_none_of_anyone_elses(
    notifications: httpx.AsyncClient, people: People, tokens: TestTokens
) -> None:
    organisation_id = uuid4()
    member = await people.join(organisation_id)
    [mine] = (await people.inbox(notifications, member, at_least=1))["items"]
    colleague = people.headers(uuid4(), organisation_id)
    admin = tokens.headers_for(Principal(uuid4(), frozenset({Role.PLATFORM_ADMIN})))
    partner = tokens.headers_for(Principal(uuid4(), frozenset({Role.PARTNER_CLIENT})))

    assert (await notifications.get("/inbox")).status_code == 401
    assert (
        await notifications.get("/inbox", headers=TestTokens().headers_for(Principal(member)))
    ).status_code == 401
    for stranger in (colleague, admin):
        assert (await notifications.get("/inbox", headers=stranger)).json()["items"] == []
        refused = await notifications.post(f"/inbox/{mine['id']}/read", headers=stranger)
        assert (refused.status_code, refused.json()["code"]) == (404, "notification-not-found")
    no_inbox = await notifications.get("/inbox/unread-count", headers=partner)
    assert (no_inbox.status_code, no_inbox.json()["code"]) == (403, "no-inbox")
    assert (await notifications.get("/inbox/unread-count", headers=people.headers(member))).json() == {
        "unread": 1
    }


async def test_a_person_marks_read_archives_and_pages_their_inbox(
    notifications: httpx.AsyncClient, people: People
) -> None:
    snapshot = exchange_snapshot()
    member = await people.join(snapshot.host_organisation_id)
    await people.inbox(notifications, member, at_least=1)
    for _ in range(2):
        await people.produce(exchange_requested(exchange_snapshot(host=snapshot.host_organisation_id)))
    me = people.headers(member)
    assert len((await people.inbox(notifications, member, at_least=3))["items"]) == 3
    first = await people.inbox(notifications, member, at_least=2, limit=2)

    second = (
        await notifications.get("/inbox", headers=me, params={"limit": 2, "cursor": first["next_cursor"]})
    ).json()
    read = await notifications.post(f"/inbox/{first['items'][0]['id']}/read", headers=me)
    archived = await notifications.post(f"/inbox/{first['items'][1]['id']}/archive", headers=me)
    all_read = await notifications.post("/inbox/read-all", headers=me)

    assert [i["sequence"] for i in first["items"] + second["items"]] == sorted(
        [i["sequence"] for i in first["items"] + second["items"]], reverse=True
    )
    assert second["next_cursor"] is None and len(second["items"]) == 1
    assert (read.json()["state"], archived.json()["state"], all_read.json()) == (
        "read",
        "archived",
        {"marked": 1},
    )
    listed = (await notifications.get("/inbox", headers=me, params={"state": "archived"})).json()
    assert [i["id"] for i in listed["items"]] == [first["items"][1]["id"]]
    bad = await notifications.get("/inbox", headers=me, params={"cursor": "bm90LWEtY3Vyc29y"})
    assert (bad.status_code, bad.json()["code"]) == (422, "bad-cursor")


async def test_preferences_are_the_callers_own_and_security_mail_cannot_be_switched_off(
    notifications: httpx.AsyncClient, people: People, tokens: TestTokens
) -> None:
    me = people.headers(uuid4())
    chosen = await notifications.put(
        "/preferences/exchanges/email", headers=me, json={"frequency": "daily_digest"}
    )
    refused = await notifications.put("/preferences/security/email", headers=me, json={"frequency": "off"})
    shown = {
        (p["category"], p["channel"]): p["frequency"]
        for p in (await notifications.get("/preferences", headers=me)).json()
    }
    someone_else = {
        (p["category"], p["channel"]): p["frequency"]
        for p in (await notifications.get("/preferences", headers=people.headers(uuid4()))).json()
    }
    partner = tokens.headers_for(Principal(uuid4(), frozenset({Role.PARTNER_CLIENT})))

    assert chosen.status_code == 200
    assert (refused.status_code, refused.json()["code"]) == (422, "security-mail-always-sent")
    assert shown[("exchanges", "email")] == "daily_digest"
    assert someone_else[("exchanges", "email")] == "immediate"
    assert (await notifications.get("/preferences")).status_code == 401
    assert (await notifications.get("/preferences", headers=partner)).status_code == 403
