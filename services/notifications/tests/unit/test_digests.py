"""Digests: one e-mail with what collected since the last, at the person's local hour."""

from datetime import UTC, datetime, timedelta
from uuid import UUID

from notifications.domain.digests import next_slot
from notifications.domain.preferences import Frequency
from notifications.domain.routing import Category, Channel
from notifications.service_layer.digests import send_due_digests

from .consuming import consume, person
from .exchange_examples import exchange_requested, exchange_snapshot
from .fakes import FakeNotificationsUnitOfWork

HOUR = 8


class Clock:
    """A clock the test moves."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def digesting(frequency: Frequency) -> tuple[FakeNotificationsUnitOfWork, UUID, UUID]:
    uow = FakeNotificationsUnitOfWork()
    host = exchange_snapshot().host_organisation_id
    me = await person(uow, organisation_id=host)
    uow.database.preferences[(me, Category.EXCHANGES, Channel.EMAIL)] = frequency
    return uow, me, host


def digests(uow: FakeNotificationsUnitOfWork) -> list:  # type: ignore[type-arg]
    return [e for e in uow.database.email_deliveries.values() if e.template == "digest"]


def test_the_daily_slot_is_the_next_local_hour_and_the_weekly_one_a_monday() -> None:
    # Saturday 28 Nov 2026, 10:00 in Madrid, is 09:00 UTC.
    saturday = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    daily = next_slot(saturday, Frequency.DAILY_DIGEST, timezone="Europe/Madrid", hour=HOUR)
    weekly = next_slot(saturday, Frequency.WEEKLY_DIGEST, timezone="Europe/Madrid", hour=HOUR)
    assert daily == datetime(2026, 11, 29, 7, 0, tzinfo=UTC)
    assert weekly == datetime(2026, 11, 30, 7, 0, tzinfo=UTC)


async def test_a_daily_digest_lists_everything_since_the_last_one_once_the_hour_came() -> None:
    uow, me, host = await digesting(Frequency.DAILY_DIGEST)
    for _ in range(2):
        await consume(uow, exchange_requested(exchange_snapshot(host=host)))
    created = min(n.created_at for n in uow.database.person_notifications.values())
    slot = next_slot(created, Frequency.DAILY_DIGEST, timezone="Europe/Madrid", hour=HOUR)
    clock = Clock(slot - timedelta(minutes=1))

    assert await send_due_digests(uow, clock, hour=HOUR) == 0
    clock.now = slot
    assert await send_due_digests(uow, clock, hour=HOUR) == 1
    assert await send_due_digests(uow, clock, hour=HOUR) == 0  # nothing new: no second digest

    [digest] = digests(uow)
    assert (digest.person_id, digest.notification_id, digest.language) == (me, None, "ca")
    assert [i["event_type"] for i in digest.context["items"]] == ["ExchangeRequested"] * 2


async def test_what_arrives_after_a_digest_waits_for_the_next_slot() -> None:
    uow, _, host = await digesting(Frequency.DAILY_DIGEST)
    await consume(uow, exchange_requested(exchange_snapshot(host=host)))
    created = min(n.created_at for n in uow.database.person_notifications.values())
    first_slot = next_slot(created, Frequency.DAILY_DIGEST, timezone="Europe/Madrid", hour=HOUR)
    clock = Clock(first_slot)
    await send_due_digests(uow, clock, hour=HOUR)
    await consume(uow, exchange_requested(exchange_snapshot(host=host)))

    clock.now = first_slot + timedelta(hours=23)
    assert await send_due_digests(uow, clock, hour=HOUR) == 0
    clock.now = first_slot + timedelta(days=1)
    assert await send_due_digests(uow, clock, hour=HOUR) == 1
    assert [len(d.context["items"]) for d in digests(uow)] == [1, 1]


async def test_a_weekly_digest_waits_for_monday() -> None:
    uow, _, host = await digesting(Frequency.WEEKLY_DIGEST)
    await consume(uow, exchange_requested(exchange_snapshot(host=host)))
    created = min(n.created_at for n in uow.database.person_notifications.values())
    monday = next_slot(created, Frequency.WEEKLY_DIGEST, timezone="Europe/Madrid", hour=HOUR)

    assert monday.astimezone(UTC).weekday() == 0
    assert await send_due_digests(uow, Clock(monday - timedelta(seconds=1)), hour=HOUR) == 0
    assert await send_due_digests(uow, Clock(monday), hour=HOUR) == 1
