"""A token holder's standing: what membership's data says about them now, and the rule on it.

A token's roles are those of when it was issued. Every authenticated request is decided on the
holder's current record instead: the person (or partner client) and the sign-in session the
token belongs to, read together (in one statement, often with the data the request reads).
"""

from dataclasses import dataclass, replace
from datetime import datetime

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import TokenRefused
from membership.domain import people
from membership.domain.clients import Client
from membership.domain.people import Person, PersonStatus
from membership.domain.sessions import Session, SessionEnded


@dataclass(frozen=True, slots=True)
class Standing:
    """The records a token names, as they are now; None where there is no such record."""

    person: Person | None = None
    session: Session | None = None  # the token's session, when the token names one
    client: Client | None = None  # for a partner client's token: the client, if not revoked


def current_principal(token: Principal, standing: Standing, *, at: datetime) -> Principal:
    """The caller as membership's data says now; TokenRefused when the token no longer counts
    (client revoked, account gone, issued before the last password change or sign-out
    everywhere, or of a session that has ended)."""
    if token.is_client:
        if standing.client is None:
            raise TokenRefused("this partner client was revoked", code="client-revoked")
        return token
    person = standing.person
    if person is None or person.status is PersonStatus.ERASED:
        raise TokenRefused("this account no longer exists", code="account-gone")
    if not people.token_still_valid(person, issued_at=token.issued_at):
        raise TokenRefused("this token was issued before your sessions were ended: sign in again")
    if token.session_id is not None and (standing.session is None or not standing.session.is_open(at)):
        raise SessionEnded("this session was signed out: sign in again")
    return replace(person.principal(), issued_at=token.issued_at, session_id=token.session_id)
