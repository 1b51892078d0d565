"""The fake and the PostgreSQL e-mail delivery repositories keep the same promises."""

import asyncio
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from cloth_shared.outbox.writer import OutboxWriter
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork
from notifications.bootstrap import MIGRATIONS
from notifications.domain.email import EmailDelivery
from notifications.service_layer.ports import NotificationsUnitOfWork

from ..unit.fakes import FakeNotificationsUnitOfWork

pytestmark = pytest.mark.integration

UnitOfWorkFactory = Callable[[], NotificationsUnitOfWork]


@pytest.fixture(params=["fake", "postgres"])
async def new_uow(request: pytest.FixtureRequest, migrated_pool) -> UnitOfWorkFactory:  # type: ignore[no-untyped-def]
    if request.param == "fake":
        fake = FakeNotificationsUnitOfWork()
        return lambda: fake
    pool = await migrated_pool(MIGRATIONS)
    return lambda: PostgresNotificationsUnitOfWork(pool, OutboxWriter(producer="notifications"))


def a_delivery(notification_id=None) -> EmailDelivery:  # type: ignore[no-untyped-def]
    return EmailDelivery(
        id=uuid4(),
        notification_id=notification_id or uuid4(),
        person_id=uuid4(),
        to_address="ana@example.org",
        language="es",
        template="SMEJoined",
        context={"organisation_name": "Teixits SL", "tags": ["a", 1]},
    )


async def test_a_delivery_is_stored_pending_with_its_context(new_uow: UnitOfWorkFactory) -> None:
    delivery = a_delivery()
    async with new_uow() as uow:
        assert await uow.email_deliveries.add(delivery)
        await uow.commit()
    async with new_uow() as uow:
        found = await uow.email_deliveries.get(delivery.id)
    assert found is not None
    assert (found.status, found.attempts, found.context) == ("pending", 0, delivery.context)
    assert (found.to_address, found.language, found.template) == ("ana@example.org", "es", "SMEJoined")


async def test_a_second_delivery_for_the_same_notification_is_ignored(new_uow: UnitOfWorkFactory) -> None:
    first = a_delivery()
    async with new_uow() as uow:
        assert await uow.email_deliveries.add(first)
        assert not await uow.email_deliveries.add(a_delivery(first.notification_id))
        await uow.commit()
    async with new_uow() as uow:
        claimed = await uow.email_deliveries.claim_due(limit=10, lease_seconds=60)
    assert [d.id for d in claimed] == [first.id]


async def test_a_claim_takes_due_rows_once_and_counts_an_attempt(new_uow: UnitOfWorkFactory) -> None:
    deliveries = [a_delivery() for _ in range(3)]
    async with new_uow() as uow:
        for delivery in deliveries:
            await uow.email_deliveries.add(delivery)
        await uow.commit()
    async with new_uow() as uow:
        first = await uow.email_deliveries.claim_due(limit=2, lease_seconds=60)
        await uow.commit()
    async with new_uow() as uow:
        second = await uow.email_deliveries.claim_due(limit=10, lease_seconds=60)
        await uow.commit()
    async with new_uow() as uow:
        third = await uow.email_deliveries.claim_due(limit=10, lease_seconds=60)
    assert len(first) == 2 and len(second) == 1 and third == []
    assert {d.id for d in first + second} == {d.id for d in deliveries}
    assert {(d.status, d.attempts) for d in first + second} == {("sending", 1)}


async def test_a_row_retried_later_is_not_due_and_a_lost_lease_changes_nothing(
    new_uow: UnitOfWorkFactory,
) -> None:
    delivery = a_delivery()
    async with new_uow() as uow:
        await uow.email_deliveries.add(delivery)
        (claimed,) = await uow.email_deliveries.claim_due(limit=1, lease_seconds=0)
        await uow.commit()
    async with new_uow() as uow:  # the lease ran out: another sender reclaims it
        (again,) = await uow.email_deliveries.claim_due(limit=1, lease_seconds=60)
        assert not await uow.email_deliveries.mark_sent(delivery.id, attempt=claimed.attempts)
        assert await uow.email_deliveries.retry_later(
            delivery.id, attempt=again.attempts, error="451 busy", delay_seconds=3600
        )
        await uow.commit()
    async with new_uow() as uow:
        assert await uow.email_deliveries.claim_due(limit=1, lease_seconds=60) == []
        found = await uow.email_deliveries.get(delivery.id)
    assert found is not None
    assert (found.status, found.attempts, found.last_error) == ("pending", 2, "451 busy")


async def test_sent_failed_and_released_rows_end_where_they_should(new_uow: UnitOfWorkFactory) -> None:
    sent, failed, released = a_delivery(), a_delivery(), a_delivery()
    async with new_uow() as uow:
        for delivery in (sent, failed, released):
            await uow.email_deliveries.add(delivery)
        await uow.email_deliveries.claim_due(limit=3, lease_seconds=60)
        assert await uow.email_deliveries.mark_sent(sent.id, attempt=1)
        assert await uow.email_deliveries.mark_failed(failed.id, attempt=1, error="550 unknown user")
        assert await uow.email_deliveries.release(released.id, attempt=1)
        await uow.commit()
    async with new_uow() as uow:
        rows = {
            d.id: d for d in [await uow.email_deliveries.get(x.id) for x in (sent, failed, released)] if d
        }
        again = await uow.email_deliveries.claim_due(limit=3, lease_seconds=60)
    assert rows[sent.id].status == "sent" and rows[sent.id].sent_at is not None
    assert (rows[failed.id].status, rows[failed.id].last_error) == ("failed", "550 unknown user")
    assert (rows[released.id].status, rows[released.id].attempts) == ("pending", 0)
    assert [d.id for d in again] == [released.id]


async def test_a_verified_address_is_known_whatever_its_case_until_forgotten(
    new_uow: UnitOfWorkFactory,
) -> None:
    person_id, other = uuid4(), uuid4()
    earlier = datetime(2026, 11, 1, tzinfo=UTC)
    async with new_uow() as uow:
        await uow.verified_addresses.remember(person_id, "old@example.org", at=earlier)
        await uow.verified_addresses.remember(person_id, "Ana@Example.org", at=earlier + timedelta(days=1))
        await uow.verified_addresses.remember(person_id, "replayed@example.org", at=earlier)  # older: ignored
        await uow.commit()
    candidates = [(person_id, "ana@example.org"), (person_id, "old@example.org"), (other, "ana@example.org")]
    async with new_uow() as uow:
        found = await uow.verified_addresses.verified(candidates)
        await uow.verified_addresses.forget(person_id)
        await uow.commit()
    async with new_uow() as uow:
        after = await uow.verified_addresses.verified(candidates)
    assert (found, after) == ({(person_id, "ana@example.org")}, set())


async def test_a_verification_link_is_not_kept_once_its_delivery_ends(new_uow: UnitOfWorkFactory) -> None:
    link = EmailDelivery(
        id=uuid4(),
        person_id=uuid4(),
        to_address="ana@example.org",
        language="es",
        template="address_verification",
        context={"verify_url": "https://cloth.example/verify-email?token=secret", "valid_hours": 36},
    )
    ordinary = a_delivery()
    async with new_uow() as uow:
        await uow.email_deliveries.add(link)
        await uow.email_deliveries.add(ordinary)
        await uow.email_deliveries.claim_due(limit=2, lease_seconds=60)
        await uow.email_deliveries.mark_sent(link.id, attempt=1)
        await uow.email_deliveries.mark_sent(ordinary.id, attempt=1)
        await uow.commit()
    async with new_uow() as uow:
        sent_link, sent_ordinary = [await uow.email_deliveries.get(d.id) for d in (link, ordinary)]
    assert sent_link is not None and sent_link.context == {}
    assert sent_ordinary is not None and sent_ordinary.context == ordinary.context


async def test_rows_refused_for_an_unverified_address_recently_are_pending_again(
    new_uow: UnitOfWorkFactory,
) -> None:
    reason, now = "the address is not verified", datetime.now(UTC)
    recent = a_delivery()
    old = replace(a_delivery(), person_id=recent.person_id, created_at=now - timedelta(days=3))
    other_reason = replace(a_delivery(), person_id=recent.person_id)
    async with new_uow() as uow:
        for row in (recent, old, other_reason):
            await uow.email_deliveries.add(row)
        await uow.commit()
    async with new_uow() as uow:
        for row in await uow.email_deliveries.claim_due(limit=10, lease_seconds=60):
            error = reason if row.id != other_reason.id else "550 no such user"
            await uow.email_deliveries.mark_failed(row.id, attempt=row.attempts, error=error)
        await uow.commit()
    assert recent.person_id is not None
    async with new_uow() as uow:
        again = await uow.email_deliveries.resend_refused(
            recent.person_id, "ANA@example.org", reason=reason, since=now - timedelta(hours=36)
        )
        await uow.commit()
    async with new_uow() as uow:
        found = await uow.email_deliveries.for_person(recent.person_id)
    rows = {row.id: (row.status, row.last_error) for row in found}
    assert again == 1
    assert rows == {
        recent.id: ("pending", None),
        old.id: ("failed", reason),
        other_reason.id: ("failed", "550 no such user"),
    }


async def claimed_for_an_unverified_address(new_uow: UnitOfWorkFactory) -> EmailDelivery:
    delivery = a_delivery()
    async with new_uow() as uow:
        await uow.email_deliveries.add(delivery)
        await uow.commit()
    async with new_uow() as uow:
        [claimed] = await uow.email_deliveries.claim_due(limit=10, lease_seconds=60)
        await uow.commit()
    return claimed


async def verify(uow: NotificationsUnitOfWork, delivery: EmailDelivery) -> int:
    """What notifications does on EmailAddressVerified: remember it, send what it refused."""
    assert delivery.person_id is not None
    await uow.verified_addresses.remember(delivery.person_id, delivery.to_address, at=datetime.now(UTC))
    return await uow.email_deliveries.resend_refused(
        delivery.person_id, delivery.to_address, reason=REASON, since=datetime.now(UTC) - timedelta(days=1)
    )


REASON = "the address is not verified"


async def test_a_refusal_for_an_unverified_address_stays_failed_until_the_address_is_verified(
    new_uow: UnitOfWorkFactory,
) -> None:
    claimed = await claimed_for_an_unverified_address(new_uow)
    async with new_uow() as uow:
        assert await uow.email_deliveries.refuse_unverified(claimed, attempt=1, reason=REASON)
        await uow.commit()
    async with new_uow() as uow:
        refused = await uow.email_deliveries.get(claimed.id)
        resent = await verify(uow, claimed)
        await uow.commit()
    async with new_uow() as uow:
        again = await uow.email_deliveries.get(claimed.id)
    assert refused is not None and (refused.status, refused.last_error) == ("failed", REASON)
    assert resent == 1 and again is not None and again.status == "pending"


async def test_a_verification_committed_while_the_sender_refuses_is_not_missed(
    migrated_pool,  # type: ignore[no-untyped-def]
) -> None:
    """The sender claimed the row and saw no verified address; the verification commits before
    the sender records the refusal. The refusal waits for it and gives the row back instead."""
    pool = await migrated_pool(MIGRATIONS)

    def new_uow() -> NotificationsUnitOfWork:
        return PostgresNotificationsUnitOfWork(pool, OutboxWriter(producer="notifications"))

    claimed = await claimed_for_an_unverified_address(new_uow)

    async def refuse() -> bool:
        async with new_uow() as sender:
            refused = await sender.email_deliveries.refuse_unverified(claimed, attempt=1, reason=REASON)
            await sender.commit()
            return refused

    async with new_uow() as verification:
        assert await verify(verification, claimed) == 0  # the row is being sent: not refused yet
        refusing = asyncio.create_task(refuse())
        await asyncio.sleep(0.5)
        assert not refusing.done()  # waits for the person's verification to commit
        await verification.commit()
    assert await refusing
    async with new_uow() as uow:
        row = await uow.email_deliveries.get(claimed.id)
    assert row is not None and (row.status, row.attempts, row.last_error) == ("pending", 0, None)
