"""Consumed membership events, as use cases on the fake unit of work."""

from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.errors import InvalidInput, NotAllowed
from cloth_shared.testing.examples import enveloped, sme_joined, stakeholder_joined
from notifications.service_layer.inbox import read_inbox
from notifications.service_layer.membership_events import welcome_new_member

from .fakes import FakeNotificationsUnitOfWork


async def welcome(uow: FakeNotificationsUnitOfWork, event) -> None:  # type: ignore[no-untyped-def]
    """As the inbox runs it: inside the unit of work, committed by the caller."""
    async with uow:
        await welcome_new_member(uow, enveloped(event), event)
        await uow.commit()


async def test_a_joined_sme_finds_a_welcome_naming_it_in_its_inbox() -> None:
    uow = FakeNotificationsUnitOfWork()
    joined = sme_joined("Atelier Marseille SAS")

    await welcome(uow, joined)

    [note] = uow.database.notifications.values()
    assert note.organisation_id == joined.organisation.organisation_id
    assert "Atelier Marseille SAS" in note.body


async def test_a_joined_stakeholder_is_welcomed_too() -> None:
    uow = FakeNotificationsUnitOfWork()
    await welcome(uow, stakeholder_joined("Ruse Fashion Agency"))
    assert len(uow.database.notifications) == 1


async def test_the_same_event_delivered_twice_leaves_one_welcome() -> None:
    uow = FakeNotificationsUnitOfWork()
    joined = sme_joined()
    envelope = enveloped(joined)
    for _ in range(2):
        async with uow:
            await welcome_new_member(uow, envelope, joined)
            await uow.commit()
    assert len(uow.database.notifications) == 1


async def test_a_welcome_not_committed_is_not_kept() -> None:
    uow = FakeNotificationsUnitOfWork()
    joined = sme_joined()
    async with uow:
        await welcome_new_member(uow, enveloped(joined), joined)
    assert uow.database.notifications == {}


async def test_an_organisations_people_read_its_welcome_and_strangers_may_not() -> None:
    uow = FakeNotificationsUnitOfWork()
    joined = sme_joined()
    await welcome(uow, joined)
    organisation_id = joined.organisation.organisation_id
    member = Principal(uuid4(), frozenset({Role.ORGANISATION_MEMBER}), organisation_id=organisation_id)
    stranger = Principal(uuid4(), frozenset({Role.ORGANISATION_MEMBER}), organisation_id=uuid4())

    inbox = await read_inbox(uow, member, None, limit=10, offset=0)

    assert [n.organisation_id for n in inbox] == [organisation_id]
    with pytest.raises(NotAllowed):
        await read_inbox(uow, stranger, organisation_id, limit=10, offset=0)


async def test_a_caller_without_an_organisation_must_say_whose_inbox() -> None:
    admin = Principal(uuid4(), frozenset({Role.PLATFORM_ADMIN}))
    with pytest.raises(InvalidInput):
        await read_inbox(FakeNotificationsUnitOfWork(), admin, None, limit=10, offset=0)
