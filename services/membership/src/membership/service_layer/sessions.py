"""Use cases of sign-in sessions: tokens issued, refreshed (rotated), ended."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotFound, TokenRefused
from membership.domain import access, sessions
from membership.domain import people as rules
from membership.domain.people import Person, PersonStatus
from membership.service_layer import events
from membership.service_layer.events import SessionsRevokedReason
from membership.service_layer.ports import Identity
from membership.service_layer.unit_of_work import MembershipUnitOfWork

# An ended session is kept this long, so a late replay of one of its tokens is still recognised.
ENDED_SESSIONS_KEPT = timedelta(days=1)


def _digest(token: str) -> str:
    # A refresh token is 256 random bits: a fast hash is enough to make a leaked table useless.
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class IssuedToken:
    access_token: str
    expires_in: int
    principal: Principal
    refresh_token: str | None = None
    refresh_expires_in: int | None = None


def access_only(identity: Identity, principal: Principal) -> IssuedToken:
    """A token without a session (partner clients ask again with their secret)."""
    return IssuedToken(identity.tokens.issue(principal), identity.tokens.lifetime_seconds, principal)


def _issued(identity: Identity, person: Person, session: sessions.Session, refresh: str) -> IssuedToken:
    principal = person.principal()
    left = int((session.expires_at - datetime.now(UTC)).total_seconds())
    return IssuedToken(
        identity.tokens.issue(principal, session_id=session.id),
        min(identity.tokens.lifetime_seconds, max(left, 1)),
        principal,
        refresh_token=refresh,
        refresh_expires_in=max(left, 0),
    )


async def start_session(uow: MembershipUnitOfWork, identity: Identity, person: Person) -> IssuedToken:
    """Inside the caller's transaction: a new session for a person who just proved who they are."""
    now, refresh = datetime.now(UTC), secrets.token_urlsafe(32)
    session = sessions.start(
        person.id, refresh_token_hash=_digest(refresh), at=now, lifetime=identity.session_lifetime
    )
    await uow.sessions.add(session)
    await uow.sessions.purge(ended_before=now - ENDED_SESSIONS_KEPT)
    return _issued(identity, person, session, refresh)


async def refresh(uow: MembershipUnitOfWork, identity: Identity, refresh_token: str) -> IssuedToken:
    """A refresh token for a new access token (current roles) and the session's next refresh token.

    A refresh token works once: presenting one that was already exchanged ends its session.
    """
    now, next_token = datetime.now(UTC), secrets.token_urlsafe(32)
    async with uow:
        session = await uow.sessions.by_refresh_token(_digest(refresh_token))
        if session is None:
            raise TokenRefused("unknown refresh token: sign in again", code="session-ended")
        person = await uow.people.get(session.person_id)
        try:
            if person is None or person.status is PersonStatus.ERASED:
                raise sessions.SessionEnded("this account no longer exists")
            rotated = sessions.rotate(
                session, presented_hash=_digest(refresh_token), new_hash=_digest(next_token), at=now
            )
        except sessions.RefreshTokenReused:
            await uow.sessions.save(sessions.revoke(session, at=now))
            await uow.commit()
            raise
        await uow.sessions.save(rotated)
        await uow.commit()
    return _issued(identity, person, rotated, next_token)


async def sign_out(uow: MembershipUnitOfWork, caller: Principal) -> None:
    """Ends the session the caller's token belongs to; its refresh token stops working."""
    if caller.session_id is None:
        return
    async with uow:
        session = await uow.sessions.get(caller.session_id)
        if session is not None and session.person_id == caller.subject:
            await uow.sessions.save(sessions.revoke(session, at=datetime.now(UTC)))
            await uow.commit()


async def end_every_session(
    uow: MembershipUnitOfWork, person: Person, reason: SessionsRevokedReason, *, at: datetime
) -> Person:
    """Inside the caller's transaction: every session ends and every service refuses the
    person's tokens issued until now (PersonSessionsRevoked)."""
    await uow.sessions.revoke_all(person.id, at=at)
    ended = rules.refuse_earlier_tokens(person, at=at)
    await uow.people.save(ended)
    uow.emit(events.sessions_revoked(ended, reason, at))
    return ended


async def sign_out_everywhere(uow: MembershipUnitOfWork, caller: Principal, person_id: UUID) -> None:
    """The person themselves, or an administrator for them (a lost device, a departure)."""
    now = datetime.now(UTC)
    async with uow:
        person = await uow.people.get(person_id, for_update=True)
        if person is None or person.status is PersonStatus.ERASED:
            raise NotFound("no such person", code="person-not-found")
        access.end_sessions_of(caller, person)
        reason: SessionsRevokedReason = (
            "signed_out_everywhere" if caller.subject == person.id else "revoked_by_administrator"
        )
        await end_every_session(uow, person, reason, at=now)
        await uow.commit()
