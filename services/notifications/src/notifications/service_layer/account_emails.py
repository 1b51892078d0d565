"""Account e-mails membership asks for: a link to verify an address, a notice to the owner of an
address someone tried to sign up with. Consumed through the inbox; each writes one delivery row,
sent whatever the person's preferences and before the address is verified (it is how it gets
verified, and how an owner hears of a sign-up in their name)."""

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import structlog

from cloth_shared.contracts.envelope import EventEnvelope
from cloth_shared.contracts.membership import (
    EmailAddressVerified,
    EmailVerificationRequested,
    ExistingAccountSignUpAttempted,
    PersonErased,
)
from notifications.domain.email import (
    HELD_WHILE_VERIFYING,
    NOT_VERIFIED,
    AccountLinks,
    EmailDelivery,
    delivery_id_for,
    hours_left,
)
from notifications.service_layer.ports import NotificationsUnitOfWork
from notifications.service_layer.recipients import recipient_of

log = structlog.get_logger(__name__)

Envelope = EventEnvelope[dict[str, Any]]
Handler = Callable[[NotificationsUnitOfWork, Envelope, Any], Awaitable[None]]


def send_address_verification(links: AccountLinks) -> Handler:
    async def handler(
        uow: NotificationsUnitOfWork, envelope: Envelope, event: EmailVerificationRequested
    ) -> None:
        """A link to verify the address, in the person's language; none once it has expired."""
        now = datetime.now(UTC)  # the link's time left when the mail is written, not asked for
        if event.expires_at <= now:
            log.info("verification_link_expired_before_sending", person_id=str(event.person_id))
            return
        context = {
            "display_name": event.display_name,
            "verify_url": links.verify(event.token),
            "valid_hours": hours_left(event.expires_at, now),
        }
        await uow.email_deliveries.add(_delivery(envelope, event, "address_verification", context))

    return handler


def tell_of_sign_up_attempt(links: AccountLinks) -> Handler:
    async def handler(
        uow: NotificationsUnitOfWork, envelope: Envelope, event: ExistingAccountSignUpAttempted
    ) -> None:
        """The owner of an address hears that someone tried to sign up with it."""
        context = {"display_name": event.display_name, "sign_in_url": links.sign_in()}
        await uow.email_deliveries.add(_delivery(envelope, event, "existing_account_signup", context))

    return handler


def _delivery(
    envelope: Envelope,
    event: EmailVerificationRequested | ExistingAccountSignUpAttempted,
    template: str,
    context: dict[str, Any],
) -> EmailDelivery:
    return EmailDelivery(
        id=delivery_id_for(envelope.event_id, template),
        person_id=event.person_id,
        to_address=event.email,
        language=event.language,
        template=template,
        context=context,
    )


async def remember_verified_address(
    uow: NotificationsUnitOfWork, envelope: Envelope, event: EmailAddressVerified
) -> None:
    """The person proved the address theirs: their e-mail goes to it from now on (a changed
    address replaces the old one in the directory), and what they were told while verifying it
    goes now."""
    await uow.verified_addresses.remember(event.person_id, event.email, at=event.verified_at)
    if event.person is not None:
        await uow.recipients.save(recipient_of(event.person, at=envelope.occurred_at))
    await uow.email_deliveries.resend_refused(
        event.person_id,
        event.email,
        reason=NOT_VERIFIED.reason,
        since=event.verified_at - HELD_WHILE_VERIFYING,
    )


async def forget_verified_address(
    uow: NotificationsUnitOfWork, envelope: Envelope, event: PersonErased
) -> None:
    """An erased person's address is forgotten here too."""
    await uow.verified_addresses.forget(event.person_id)
