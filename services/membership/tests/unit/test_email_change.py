"""Changing one's address: a link goes to the new address, which replaces the old only when opened."""

import pytest

from cloth_shared.contracts.membership import EmailAddressVerified, EmailVerificationRequested
from cloth_shared.errors import Conflict, InvalidInput, NotAuthenticated
from membership.domain.people import Person
from membership.service_layer import accounts
from membership.service_layer.email_verification import verify_email

from .builders import a_person, signed_in
from .fakes import FakeMembershipUnitOfWork, fake_identity

PASSWORD = "correct horse battery staple"


async def change(uow: FakeMembershipUnitOfWork, person: Person, email: str, password: str = PASSWORD) -> None:
    await accounts.change_email(
        uow, fake_identity(), signed_in(person), new_email=email, current_password=password
    )


def asked(uow: FakeMembershipUnitOfWork) -> list[EmailVerificationRequested]:
    return [e for e in uow.events if isinstance(e, EmailVerificationRequested)]


async def test_the_link_goes_to_the_new_address_and_the_account_keeps_the_old_until_it_is_opened() -> None:
    uow = FakeMembershipUnitOfWork()
    person = a_person(uow, email="ana@old.example")
    await change(uow, person, "Ana@New.example")

    (request,) = asked(uow)
    assert (request.email, request.person_id, request.language) == (
        "ana@new.example",
        person.id,
        person.language,
    )
    assert uow.database.people[person.id].email == "ana@old.example"

    await verify_email(uow, request.token)

    assert uow.database.people[person.id].email == "ana@new.example"
    verified = uow.events[-1]
    assert isinstance(verified, EmailAddressVerified) and verified.email == "ana@new.example"
    async with uow.reading():
        assert await uow.email_verifications.is_verified(person.id, "ana@new.example")


async def test_a_wrong_current_password_changes_nothing() -> None:
    uow = FakeMembershipUnitOfWork()
    person = a_person(uow, email="ana@old.example")
    with pytest.raises(NotAuthenticated) as refused:
        await change(uow, person, "ana@new.example", password="a guess")
    assert refused.value.code == "wrong-credentials"
    assert asked(uow) == [] and uow.database.people[person.id].email == "ana@old.example"


async def test_the_same_address_again_is_refused() -> None:
    uow = FakeMembershipUnitOfWork()
    person = a_person(uow, email="ana@old.example")
    with pytest.raises(InvalidInput) as refused:
        await change(uow, person, "ANA@old.example")
    assert refused.value.code == "email-unchanged"


async def test_an_address_with_an_account_gets_no_link_and_the_answer_does_not_say_so() -> None:
    uow = FakeMembershipUnitOfWork()
    person = a_person(uow, email="ana@old.example")
    a_person(uow, email="taken@example.org")
    await change(uow, person, "taken@example.org")  # no error: the same answer as for a free address
    assert asked(uow) == []


async def test_an_address_taken_while_the_link_waited_is_a_conflict_and_the_account_keeps_its_own() -> None:
    uow = FakeMembershipUnitOfWork()
    person = a_person(uow, email="ana@old.example")
    await change(uow, person, "ana@new.example")
    a_person(uow, email="ana@new.example")  # someone else signed up with it meanwhile
    with pytest.raises(Conflict) as refused:
        await verify_email(uow, asked(uow)[0].token)
    assert refused.value.code == "email-taken"
    assert uow.database.people[person.id].email == "ana@old.example"


async def test_after_the_change_the_old_addresses_link_is_stale() -> None:
    uow = FakeMembershipUnitOfWork()
    person = a_person(uow, email="ana@old.example")
    await change(uow, person, "ana@first.example")
    await change(uow, person, "ana@second.example")
    first, second = asked(uow)
    await verify_email(uow, second.token)
    with pytest.raises(Conflict) as refused:
        await verify_email(uow, first.token)  # asked to replace an address the account no longer has
    assert refused.value.code == "verification-token-stale"
    assert uow.database.people[person.id].email == "ana@second.example"
