"""Verifying e-mail addresses: asking for it with a single-use link, and confirming it.

Until an address is verified the platform sends it nothing but the verification itself
(notifications holds back the rest); signing in works before, so a lost mail locks nobody out.
"""

import hashlib
import secrets
from datetime import UTC, datetime

from cloth_shared.contracts.membership import (
    EmailAddressVerified,
    EmailVerificationRequested,
    ExistingAccountSignUpAttempted,
)
from cloth_shared.errors import Conflict
from membership.domain import email_verification, people
from membership.domain.people import Person
from membership.service_layer.events import person_snapshot
from membership.service_layer.unit_of_work import MembershipUnitOfWork


def _digest(token: str) -> str:
    """Link tokens are stored hashed, like invitation tokens: a database leak verifies nothing."""
    return hashlib.sha256(token.encode()).hexdigest()


async def ask_to_verify(
    uow: MembershipUnitOfWork, person: Person, *, at: datetime, new_email: str | None = None
) -> None:
    """Inside the caller's transaction: a new link for the person's current address (or for the
    `new_email` they asked to change it to), by e-mail to that address. Only the token's hash is
    kept; the token itself travels once, in the event to notifications."""
    assert person.email is not None
    assert person.display_name is not None
    token = secrets.token_urlsafe(32)
    to = new_email or person.email
    asked = email_verification.ask(
        person.id,
        to,
        token_hash=_digest(token),
        at=at,
        replaces_email=person.email if new_email else None,
    )
    await uow.email_verifications.add(asked)
    uow.emit(
        EmailVerificationRequested(
            person_id=person.id,
            email=to,
            display_name=person.display_name,
            language=person.language,
            token=token,
            expires_at=asked.expires_at,
        )
    )


def tell_owner_of_sign_up_attempt(uow: MembershipUnitOfWork, owner: Person, *, at: datetime) -> None:
    """Someone signed up with the owner's address: they hear of it, the caller learns nothing."""
    assert owner.email is not None
    uow.emit(
        ExistingAccountSignUpAttempted(
            person_id=owner.id,
            email=owner.email,
            display_name=owner.display_name or owner.email,
            language=owner.language,
            attempted_at=at,
        )
    )


async def verify_email(uow: MembershipUnitOfWork, token: str) -> None:
    """The link was opened: the address is the person's (for a change of address: it is the
    account's address from now on). The link works once."""
    now = datetime.now(UTC)
    async with uow:
        found = await uow.email_verifications.by_token_hash(_digest(token), for_update=True)
        person = await uow.people.get(found.person_id, for_update=True) if found else None
        used = email_verification.use(found, current_email=person.email if person else None, at=now)
        assert person is not None
        if used.replaces_email is not None:
            if await uow.people.by_email(used.email) is not None:
                raise Conflict("another account has this address now", code="email-taken")
            person = people.change_email(person, used.email)
            await uow.people.save(person)
        assert person.email is not None
        await uow.email_verifications.mark_used(used)
        uow.emit(
            EmailAddressVerified(
                person_id=person.id,
                email=person.email,
                person=person_snapshot(person) if person.role is not None else None,
                verified_at=now,
            )
        )
        await uow.commit()
