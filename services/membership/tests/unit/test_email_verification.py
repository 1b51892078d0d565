"""Verifying an address: the link works once, in time, for the address the person still has."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from cloth_shared.auth.principal import Role
from cloth_shared.contracts.membership import EmailAddressVerified, EmailVerificationRequested
from cloth_shared.errors import Conflict, NotFound
from membership.domain.people import Person
from membership.service_layer.email_verification import ask_to_verify, verify_email

from .builders import a_person
from .fakes import FakeMembershipUnitOfWork


async def asked(uow: FakeMembershipUnitOfWork, person: Person) -> str:
    """The token of the link the person was e-mailed."""
    async with uow:
        await ask_to_verify(uow, person, at=datetime.now(UTC))
        await uow.commit()
    event = uow.events[-1]
    assert isinstance(event, EmailVerificationRequested)
    return event.token


async def test_opening_the_link_verifies_the_address_and_says_so() -> None:
    uow = FakeMembershipUnitOfWork()
    person = a_person(uow, email="ana@example.org")
    token = await asked(uow, person)

    await verify_email(uow, token)

    event = uow.events[-1]
    assert isinstance(event, EmailAddressVerified)
    assert (event.person_id, event.email, event.person) == (person.id, "ana@example.org", None)
    async with uow.reading():
        assert await uow.email_verifications.is_verified(person.id, "ana@example.org")


async def test_a_person_with_a_role_is_announced_with_their_full_state() -> None:
    uow = FakeMembershipUnitOfWork()
    person = a_person(uow, role=Role.PLATFORM_ADMIN)
    await verify_email(uow, await asked(uow, person))
    event = uow.events[-1]
    assert isinstance(event, EmailAddressVerified) and event.person is not None
    assert event.person.role == "platform_admin"


async def test_the_link_works_only_once() -> None:
    uow = FakeMembershipUnitOfWork()
    token = await asked(uow, a_person(uow))
    await verify_email(uow, token)
    with pytest.raises(Conflict) as refused:
        await verify_email(uow, token)
    assert refused.value.code == "verification-token-used"
    assert sum(isinstance(e, EmailAddressVerified) for e in uow.events) == 1


async def test_an_unknown_token_verifies_nothing() -> None:
    uow = FakeMembershipUnitOfWork()
    await asked(uow, a_person(uow))
    with pytest.raises(NotFound) as refused:
        await verify_email(uow, "not-a-token-we-ever-sent-anyone")
    assert refused.value.code == "verification-token-unknown"


async def test_an_expired_link_verifies_nothing() -> None:
    uow = FakeMembershipUnitOfWork()
    token = await asked(uow, a_person(uow))
    [(token_hash, kept)] = uow.database.email_verifications.items()
    past = datetime.now(UTC) - timedelta(seconds=1)
    uow.database.email_verifications[token_hash] = replace(kept, expires_at=past)
    with pytest.raises(Conflict) as refused:
        await verify_email(uow, token)
    assert refused.value.code == "verification-token-expired"


async def test_a_link_to_an_address_the_person_no_longer_has_verifies_nothing() -> None:
    uow = FakeMembershipUnitOfWork()
    person = a_person(uow, email="old@example.org")
    token = await asked(uow, person)
    uow.database.people[person.id] = replace(person, email="new@example.org")
    with pytest.raises(Conflict) as refused:
        await verify_email(uow, token)
    assert refused.value.code == "verification-token-stale"
