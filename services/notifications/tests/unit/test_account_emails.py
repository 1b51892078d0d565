"""Account e-mails membership asks for become delivery rows, once per event, in the person's language."""

from datetime import UTC, datetime, timedelta
from uuid import uuid4

from cloth_shared.contracts.membership import EmailAddressVerified, ExistingAccountSignUpAttempted
from cloth_shared.testing.examples import (
    email_verification_requested,
    enveloped,
    person_erased,
    person_joined,
)
from notifications.domain.email import AccountLinks
from notifications.service_layer.account_emails import (
    forget_verified_address,
    remember_verified_address,
    send_address_verification,
    tell_of_sign_up_attempt,
)
from notifications.service_layer.recipients import remember_person

from .fakes import FakeNotificationsUnitOfWork

LINKS = AccountLinks("https://cloth.example/")


async def test_a_verification_request_becomes_one_verification_email_even_when_redelivered() -> None:
    uow = FakeNotificationsUnitOfWork()
    event = email_verification_requested(token="the-single-use-token-of-the-link")
    envelope = enveloped(event)
    handler = send_address_verification(LINKS)
    for _ in range(2):
        async with uow:
            await handler(uow, envelope, event)
            await uow.commit()
    [delivery] = uow.database.email_deliveries.values()
    assert (delivery.template, delivery.language, delivery.to_address) == (
        "address_verification",
        "bg",
        "ivan@example.org",
    )
    assert (
        delivery.context["verify_url"]
        == "https://cloth.example/verify-email?token=the-single-use-token-of-the-link"
    )
    assert delivery.context["valid_hours"] == 36


async def test_an_expired_verification_request_sends_nothing() -> None:
    uow = FakeNotificationsUnitOfWork()
    event = email_verification_requested(valid_for=timedelta(seconds=-1))
    async with uow:
        await send_address_verification(LINKS)(uow, enveloped(event), event)
        await uow.commit()
    assert uow.database.email_deliveries == {}


async def test_the_owner_of_a_taken_address_is_told_of_the_sign_up_attempt() -> None:
    uow = FakeNotificationsUnitOfWork()
    event = ExistingAccountSignUpAttempted(
        person_id=email_verification_requested().person_id,
        email="ana@example.org",
        display_name="Ana",
        language="es",
        attempted_at=email_verification_requested().expires_at,
    )
    async with uow:
        await tell_of_sign_up_attempt(LINKS)(uow, enveloped(event), event)
        await uow.commit()
    [delivery] = uow.database.email_deliveries.values()
    assert (delivery.template, delivery.language) == ("existing_account_signup", "es")
    assert delivery.context == {"display_name": "Ana", "sign_in_url": "https://cloth.example/sign-in"}


async def test_a_verified_address_is_remembered_and_forgotten_with_the_person() -> None:
    uow, person_id = FakeNotificationsUnitOfWork(), uuid4()
    verified = EmailAddressVerified(
        person_id=person_id, email="ana@example.org", verified_at=datetime.now(UTC)
    )
    async with uow:
        await remember_verified_address(uow, enveloped(verified), verified)
        await uow.commit()
    async with uow.reading():
        assert await uow.verified_addresses.verified([(person_id, "ana@example.org")])
    erased = person_erased(person_id)
    async with uow:
        await forget_verified_address(uow, enveloped(erased), erased)
        await uow.commit()
    assert uow.database.verified_addresses == {}


async def test_a_changed_address_once_verified_is_where_the_directory_writes_to() -> None:
    uow = FakeNotificationsUnitOfWork()
    joined = person_joined(language="es")
    async with uow:
        await remember_person(uow, enveloped(joined), joined)
        await uow.commit()
    moved = joined.person.model_copy(update={"email": "laia@new.example"})
    verified = EmailAddressVerified(
        person_id=joined.person_id, email="laia@new.example", person=moved, verified_at=datetime.now(UTC)
    )
    async with uow:
        await remember_verified_address(uow, enveloped(verified), verified)
        await uow.commit()
    async with uow.reading():
        known = await uow.recipients.get(joined.person_id)
    assert known is not None and (known.email, known.language) == ("laia@new.example", "es")
