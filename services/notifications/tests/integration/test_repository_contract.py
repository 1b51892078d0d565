"""The fake and the PostgreSQL notification repositories keep the same promises.

Every case runs against both, so the fake the use-case tests rely on cannot drift.
"""

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from cloth_shared.outbox.writer import OutboxWriter
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork
from notifications.bootstrap import MIGRATIONS
from notifications.domain.notifications import welcome
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


def a_welcome(organisation_id=None, *, at=None):  # type: ignore[no-untyped-def]
    return welcome(
        organisation_id=organisation_id or uuid4(),
        legal_name="Teixits SL",
        source_event_id=uuid4(),
        at=at or datetime.now(UTC),
    )


async def test_notifications_are_listed_newest_first_and_paged(new_uow: UnitOfWorkFactory) -> None:
    organisation_id, start = uuid4(), datetime(2026, 11, 1, tzinfo=UTC)
    notes = [a_welcome(organisation_id, at=start + timedelta(hours=h)) for h in range(3)]
    async with new_uow() as uow:
        for note in [*notes, a_welcome()]:
            await uow.notifications.add(note)
        await uow.commit()
    async with new_uow() as uow:
        first_page = await uow.notifications.for_organisation(organisation_id, limit=2, offset=0)
        second_page = await uow.notifications.for_organisation(organisation_id, limit=2, offset=2)
    assert [n.id for n in first_page + second_page] == [n.id for n in reversed(notes)]


async def test_a_second_notification_of_a_kind_for_the_same_event_is_ignored(
    new_uow: UnitOfWorkFactory,
) -> None:
    note = a_welcome()
    async with new_uow() as uow:
        await uow.notifications.add(note)
        await uow.notifications.add(replace(note, id=uuid4(), body="again"))
        await uow.commit()
    async with new_uow() as uow:
        found = await uow.notifications.for_organisation(note.organisation_id, limit=10, offset=0)
    assert [(n.id, n.body) for n in found] == [(note.id, note.body)]


async def test_an_event_is_recorded_as_processed_once_per_consumer(new_uow: UnitOfWorkFactory) -> None:
    event_id = uuid4()
    async with new_uow() as uow:
        first = event_id in await uow.first_deliveries("notifications.membership", [(event_id, "SMEJoined")])
        await uow.commit()
    async with new_uow() as uow:
        again = event_id in await uow.first_deliveries("notifications.membership", [(event_id, "SMEJoined")])
        other_consumer = event_id in await uow.first_deliveries(
            "notifications.other", [(event_id, "SMEJoined")]
        )
    assert (first, again, other_consumer) == (True, False, True)
