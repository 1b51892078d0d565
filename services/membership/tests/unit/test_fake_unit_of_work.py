"""The fake keeps the real unit of work's promise, or the use-case tests would prove nothing."""

from dataclasses import replace
from datetime import UTC, datetime
from uuid import UUID

import pytest

from cloth_shared.contracts.membership import PersonErased
from membership.domain.organisations import Status

from .builders import a_cluster, a_person, an_organisation
from .fakes import FakeMembershipUnitOfWork


def an_event(person_id: UUID) -> PersonErased:
    return PersonErased(person_id=person_id, erased_at=datetime.now(UTC))


async def test_work_that_is_not_committed_is_rolled_back_with_its_events() -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow))
    stranger = a_person(FakeMembershipUnitOfWork())
    before = uow.database.copy()

    async with uow:
        await uow.organisations.save_status(replace(organisation, status=Status.ACTIVE))
        await uow.people.add(stranger)
        uow.emit(an_event(stranger.id))

    assert uow.database == before
    assert (uow.committed, uow.events) == (False, [])


async def test_work_is_rolled_back_when_the_block_raises_after_changes() -> None:
    uow = FakeMembershipUnitOfWork()
    person = a_person(FakeMembershipUnitOfWork())

    async def add_then_fail() -> None:
        async with uow:
            await uow.people.add(person)
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        await add_then_fail()

    assert uow.database.people == {}


async def test_committed_work_is_kept_and_its_events_reach_the_outbox() -> None:
    uow = FakeMembershipUnitOfWork()
    person = a_person(FakeMembershipUnitOfWork())
    event = an_event(person.id)

    async with uow:
        await uow.people.add(person)
        uow.emit(event)
        await uow.commit()

    assert uow.database.people == {person.id: person}
    assert (uow.committed, uow.events) == (True, [event])
