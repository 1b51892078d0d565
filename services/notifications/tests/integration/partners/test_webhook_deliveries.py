"""Partner webhooks end to end: real Kafka, PostgreSQL, and a receiver that checks signatures."""

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from aiokafka import ConsumerRecord

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.contracts import topics
from cloth_shared.contracts.envelope import Event
from cloth_shared.testing.examples import encoded, person_erased, sme_joined
from cloth_shared.testing.kafka import produce_raw, read_topic
from cloth_shared.testing.tokens import TestTokens
from cloth_shared.testing.webhook_receiver import Receiver, receiving
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork
from notifications.entrypoints.webhook_consumers import fan_out_inbox

pytestmark = pytest.mark.integration


def partner(tokens: TestTokens, client_id: UUID | None = None) -> dict[str, str]:
    principal = Principal(
        client_id or uuid4(), frozenset({Role.PARTNER_CLIENT}), scopes=frozenset({"events:read"})
    )
    return tokens.headers_for(principal)


async def subscribe(http: httpx.AsyncClient, headers: dict[str, str], receiver: Receiver) -> dict[str, Any]:
    answer = await http.post(
        "/webhooks/subscriptions",
        json={"target_url": receiver.url, "event_types": ["SMEJoined"], "contact_email": "it@crm.test"},
        headers=headers,
    )
    assert answer.status_code == 201, answer.text
    receiver.secret = answer.json()["secret"]
    return answer.json()


async def publish(environment: dict[str, str], message: bytes, key: UUID) -> None:
    topic = environment["KAFKA_TOPIC_PREFIX"] + topics.MEMBERSHIP_ORGANISATIONS
    await produce_raw(environment["KAFKA_BOOTSTRAP_SERVERS"], topic, message, key=str(key).encode())


async def deliveries(http: httpx.AsyncClient, headers: dict[str, str], subscription_id: str) -> list[dict]:
    answer = await http.get(f"/webhooks/subscriptions/{subscription_id}/deliveries", headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


async def settled(http: httpx.AsyncClient, headers: dict[str, str], delivery_id: str, status: str) -> dict:
    async with asyncio.timeout(60):
        while (found := (await http.get(f"/webhooks/deliveries/{delivery_id}", headers=headers)).json())[
            "status"
        ] != status:
            await asyncio.sleep(0.05)
    return found


async def test_a_redelivered_event_reaches_the_partner_once_signed_after_retries_and_replays_on_request(
    http, tokens, service_environment
) -> None:
    async with receiving() as receiver:
        headers = partner(tokens)
        subscription = await subscribe(http, headers, receiver)
        organisation_id, sentinel = uuid4(), uuid4()
        receiver.script = {str(organisation_id): [500, 503]}
        message = encoded(sme_joined("Atelier Lyon", organisation_id))
        for value, key in ((message, organisation_id), (message, organisation_id)):
            await publish(service_environment, value, key)
        await publish(service_environment, encoded(sme_joined("Sentinel SRL", sentinel)), sentinel)
        await receiver.until(
            lambda: len(receiver.received) == 2 and not receiver.script[str(organisation_id)]
        )

        found = await deliveries(http, headers, subscription["id"])
        assert len(found) == 2  # the event sent twice is one delivery; the sentinel the other
        first = next(
            d
            for d in found
            if d["id"] in receiver.received
            and receiver.payloads[d["id"]]["data"]["subject_key"] == str(organisation_id)
        )
        detail = await settled(http, headers, first["id"], "delivered")
        assert [(a["number"], a["response_code"], a["succeeded"]) for a in detail["log"]] == [
            (1, 500, False),
            (2, 503, False),
            (3, 200, True),
        ]
        assert all(a["latency_ms"] > 0 for a in detail["log"])
        assert receiver.received[first["id"]] == 3 and receiver.unverified == 0
        assert receiver.payloads[first["id"]]["type"] == "SMEJoined"

        # An administrator replays it: the partner receives it again, under the same webhook-id.
        replay = await http.post(f"/webhooks/deliveries/{first['id']}/replay", headers=tokens.admin())
        assert replay.status_code == 202, replay.text
        await receiver.until(lambda: receiver.received[first["id"]] == 4)
        assert receiver.unverified == 0


async def test_a_target_failing_every_attempt_is_disabled_its_contact_told_and_a_replay_resumes(
    service, tokens, service_environment
) -> None:
    http, infra = service
    async with receiving() as receiver:
        headers = partner(tokens)
        subscription = await subscribe(http, headers, receiver)
        receiver.always = 500
        organisation_id = uuid4()
        await publish(
            service_environment, encoded(sme_joined("Atelier Lyon", organisation_id)), organisation_id
        )
        async with asyncio.timeout(60):
            while (await http.get(f"/webhooks/subscriptions/{subscription['id']}", headers=headers)).json()[
                "status"
            ] != "disabled":
                await asyncio.sleep(0.05)
        [delivery] = await deliveries(http, headers, subscription["id"])
        assert (delivery["status"], delivery["attempts"], delivery["last_response_code"]) == (
            "failed",
            3,
            500,
        )
        notices = await infra.pool.fetch(
            "SELECT contact_email, subject FROM webhook_contact_notices WHERE subscription_id = $1",
            UUID(subscription["id"]),
        )
        assert [(n["contact_email"], "disabled" in n["subject"]) for n in notices] == [("it@crm.test", True)]
        # The contact is mailed from a delivery row written in the same transaction.
        mails = await infra.pool.fetch(
            "SELECT template, context ->> 'title' AS title FROM email_deliveries WHERE to_address = $1",
            "it@crm.test",
        )
        assert [(m["template"], m["title"]) for m in mails] == [
            ("generic", "Your CLOTH webhook subscription was disabled")
        ]

        receiver.always = None
        enabled = await http.post(f"/webhooks/subscriptions/{subscription['id']}/enable", headers=headers)
        assert enabled.json()["status"] == "active"
        since = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
        replay = await http.post(
            f"/webhooks/subscriptions/{subscription['id']}/replay", json={"since": since}, headers=headers
        )
        assert replay.status_code == 202 and replay.json() == {"scheduled": 1}
        await settled(http, headers, delivery["id"], "delivered")
        assert receiver.received[delivery["id"]] == 4 and receiver.unverified == 0


async def test_a_full_replay_of_the_topic_even_with_the_inbox_forgotten_sends_nothing_twice(
    service, tokens, service_environment
) -> None:
    http, infra = service
    async with receiving() as receiver:
        headers = partner(tokens)
        subscription = await subscribe(http, headers, receiver)
        organisation_id = uuid4()
        await publish(
            service_environment, encoded(sme_joined("Atelier Lyon", organisation_id)), organisation_id
        )
        await receiver.until(lambda: len(receiver.received) == 1)
        [delivery] = await deliveries(http, headers, subscription["id"])
        await settled(http, headers, delivery["id"], "delivered")

        # Every record of the topic from the beginning, through the webhook inbox once more:
        # first as a redelivery, then as if the inbox had lost its memory of processed events.
        topic = service_environment["KAFKA_TOPIC_PREFIX"] + topics.MEMBERSHIP_ORGANISATIONS
        records = await read_topic(service_environment["KAFKA_BOOTSTRAP_SERVERS"], topic, at_least=1)
        inbox = fan_out_inbox(
            lambda: PostgresNotificationsUnitOfWork(infra.pool, infra.outbox), infra.producer
        )
        await inbox.handle_batch(records)
        await infra.pool.execute("DELETE FROM processed_events")
        await inbox.handle_batch(records)
        processed = "SELECT count(*) FROM processed_events WHERE consumer = 'notifications.webhooks'"
        assert await infra.pool.fetchval(processed) == 1  # the handler did run again

        assert [d["id"] for d in await deliveries(http, headers, subscription["id"])] == [delivery["id"]]
        detail = (await http.get(f"/webhooks/deliveries/{delivery['id']}", headers=headers)).json()
        assert (detail["status"], len(detail["log"])) == ("delivered", 1)
        assert sum(receiver.received.values()) == 1


def record(event: Event, topic: str, offset: int) -> ConsumerRecord[bytes, bytes]:
    """A polled record as the webhook inbox receives it, without the service's own consumer seeing
    it on the topic (these tests redeliver by hand)."""
    value = encoded(event)
    return ConsumerRecord(topic, 0, offset, 0, 0, None, value, None, 0, len(value), ())


async def test_a_batch_no_partner_asked_for_leaves_no_inbox_row_and_a_redelivery_after_subscribing_delivers(
    service, tokens
) -> None:
    http, infra = service
    inbox = fan_out_inbox(lambda: PostgresNotificationsUnitOfWork(infra.pool, infra.outbox), infra.producer)
    batch = [record(sme_joined("Atelier Nantes", uuid4()), topics.MEMBERSHIP_ORGANISATIONS, 0)]
    processed = "SELECT count(*) FROM processed_events WHERE consumer = 'notifications.webhooks'"

    await inbox.handle_batch(batch)
    assert await infra.pool.fetchval(processed) == 0  # no transaction: nothing to deliver once

    async with receiving() as receiver:
        headers = partner(tokens)
        subscription = await subscribe(http, headers, receiver)
        await inbox.handle_batch(batch)  # the same batch again, now that a partner asks for it
        await inbox.handle_batch(batch)
        assert await infra.pool.fetchval(processed) == 1
        [delivery] = await deliveries(http, headers, subscription["id"])
        await settled(http, headers, delivery["id"], "delivered")
        assert sum(receiver.received.values()) == 1


async def test_an_erasure_redacts_the_delivery_log_when_no_partner_asked_for_it(service) -> None:
    _, infra = service
    inbox = fan_out_inbox(lambda: PostgresNotificationsUnitOfWork(infra.pool, infra.outbox), infra.producer)
    await inbox.handle_batch([record(person_erased(), topics.MEMBERSHIP_PEOPLE, 0)])
    processed = "SELECT event_type FROM processed_events WHERE consumer = 'notifications.webhooks'"
    assert await infra.pool.fetchval(processed) == "PersonErased"
