"""The webhook repositories on PostgreSQL keep the fakes' promises; dispatchers never share a row."""

import asyncio
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.outbox.writer import OutboxWriter
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork
from notifications.bootstrap import MIGRATIONS
from notifications.domain import webhook_deliveries as deliveries
from notifications.domain import webhooks as rules

from ...unit.fakes import FakeNotificationsUnitOfWork

pytestmark = pytest.mark.integration

NOW = datetime.now(UTC)
CLIENT = Principal(uuid4(), frozenset({Role.PARTNER_CLIENT}), scopes=frozenset({"events:read"}))


def a_subscription(event_types: tuple[str, ...] = ("SMEJoined",)) -> rules.Subscription:
    return rules.subscription_for(
        CLIENT,
        id=uuid4(),
        target_url="https://crm.example/h",
        event_types=event_types,
        public_event_types=frozenset({"SMEJoined", "ExchangeCompleted"}),
        contact_email="it@crm.example",
        at=NOW,
    )


def a_delivery(subscription: rules.Subscription, event_id=None) -> deliveries.Delivery:  # type: ignore[no-untyped-def]
    return deliveries.delivery_for(
        subscription,
        id=uuid4(),
        event_id=event_id or uuid4(),
        event_type="SMEJoined",
        subject_key="s",
        body='{"a":1}',
        at=NOW,
    )


@pytest.fixture(params=["fake", "postgres"])
async def new_uow(request: pytest.FixtureRequest, migrated_pool):  # type: ignore[no-untyped-def]
    if request.param == "fake":
        fake = FakeNotificationsUnitOfWork()
        return lambda: fake
    pool = await migrated_pool(MIGRATIONS)
    return lambda: PostgresNotificationsUnitOfWork(pool, OutboxWriter(producer="notifications"))


async def test_subscriptions_match_by_event_type_and_only_while_active(new_uow) -> None:
    wanted, other = a_subscription(), a_subscription(("ExchangeCompleted",))
    async with new_uow() as uow:
        await uow.webhook_subscriptions.add(wanted)
        await uow.webhook_subscriptions.add(other)
        await uow.commit()
    async with new_uow() as uow:
        assert [s.id for s in await uow.webhook_subscriptions.matching("SMEJoined")] == [wanted.id]
        assert await uow.webhook_subscriptions.get(wanted.id) == wanted
        await uow.webhook_subscriptions.save(rules.disabled(wanted, reason="failing", at=NOW))
        await uow.commit()
    async with new_uow() as uow:
        assert await uow.webhook_subscriptions.matching("SMEJoined") == []
        assert (await uow.webhook_subscriptions.get(wanted.id)).disabled_reason == "failing"


async def test_a_second_delivery_of_one_event_to_one_subscription_is_ignored_and_claims_are_leased(
    new_uow,
) -> None:
    subscription = a_subscription()
    event_id = uuid4()
    async with new_uow() as uow:
        await uow.webhook_subscriptions.add(subscription)
        first = a_delivery(subscription, event_id)
        await uow.webhook_deliveries.add(first)
        await uow.webhook_deliveries.add(a_delivery(subscription, event_id))
        await uow.commit()
    async with new_uow() as uow:
        assert [
            d.id for d in await uow.webhook_deliveries.for_subscription(subscription.id, limit=10, offset=0)
        ] == [first.id]
        [claimed] = await uow.webhook_deliveries.claim_due(now=NOW, lease_seconds=30, limit=10)
        assert claimed.next_attempt_at == NOW + timedelta(seconds=30)
        assert await uow.webhook_deliveries.claim_due(now=NOW, lease_seconds=30, limit=10) == []
        await uow.commit()


async def test_concurrent_dispatchers_claim_disjoint_deliveries(migrated_pool) -> None:
    pool = await migrated_pool(MIGRATIONS)

    def new_uow() -> PostgresNotificationsUnitOfWork:
        return PostgresNotificationsUnitOfWork(pool, OutboxWriter(producer="notifications"))

    subscription = a_subscription()
    async with new_uow() as uow:
        await uow.webhook_subscriptions.add(subscription)
        for _ in range(60):
            await uow.webhook_deliveries.add(a_delivery(subscription))
        await uow.commit()

    async def claim() -> list[deliveries.Delivery]:
        async with new_uow() as uow:
            found = await uow.webhook_deliveries.claim_due(now=NOW, lease_seconds=60, limit=25)
            await asyncio.sleep(0.05)  # hold the row locks while the other claims
            await uow.commit()
        return found

    batches = await asyncio.gather(claim(), claim(), claim())
    ids = [d.id for batch in batches for d in batch]
    assert len(ids) == len(set(ids)) == 60


async def test_redacting_a_subject_removes_the_payload_from_its_deliveries_only(new_uow) -> None:
    subscription = a_subscription()
    body = '{"type":"PersonJoined","timestamp":"t","data":{"event_id":"e","payload":{"email":"ana@x.test"}}}'
    theirs = replace(a_delivery(subscription), subject_key="person-1", body=body)
    others = replace(a_delivery(subscription), subject_key="person-2", body=body)
    async with new_uow() as uow:
        await uow.webhook_subscriptions.add(subscription)
        await uow.webhook_deliveries.add(theirs)
        await uow.webhook_deliveries.add(others)
        await uow.webhook_deliveries.redact_subject("person-1")
        await uow.commit()
    async with new_uow() as uow:
        redacted = json.loads((await uow.webhook_deliveries.get(theirs.id)).body)
        assert redacted["data"] == {"event_id": "e", "payload": {"redacted": True}}
        assert (await uow.webhook_deliveries.get(others.id)).body == body
