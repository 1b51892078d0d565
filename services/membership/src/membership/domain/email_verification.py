"""Proving an e-mail address: a single-use link that expires, asked for each new or changed address."""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from uuid import UUID

from cloth_shared.errors import Conflict, NotFound

# Long enough to find the mail after a weekend's silence is not the point; a day and a half
# covers "signed up in the evening, clicked the next morning" in every member's time zone.
VERIFICATION_LIFETIME = timedelta(hours=36)


@dataclass(frozen=True, slots=True)
class EmailVerification:
    token_hash: str
    person_id: UUID
    email: str
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None
    # Set when the link asks to change the account's address: the address it had then.
    replaces_email: str | None = None


def ask(
    person_id: UUID,
    email: str,
    *,
    token_hash: str,
    at: datetime,
    lifetime: timedelta = VERIFICATION_LIFETIME,
    replaces_email: str | None = None,
) -> EmailVerification:
    return EmailVerification(
        token_hash, person_id, email, created_at=at, expires_at=at + lifetime, replaces_email=replaces_email
    )


def use(
    verification: EmailVerification | None, *, current_email: str | None, at: datetime
) -> EmailVerification:
    """Once, in time, and only for the address the person still has (for a change of address:
    still had when they asked for the change)."""
    if verification is None:
        raise NotFound("no such verification link", code="verification-token-unknown", field="token")
    if verification.used_at is not None:
        raise Conflict("this verification link was already used", code="verification-token-used")
    if at >= verification.expires_at:
        raise Conflict("this verification link has expired", code="verification-token-expired")
    if current_email != (verification.replaces_email or verification.email):
        raise Conflict(
            "the account's address changed since this link was sent", code="verification-token-stale"
        )
    return replace(verification, used_at=at)
