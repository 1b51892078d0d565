"""Sign-in sessions: a refresh token rotated on every use, within an absolute lifetime."""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from uuid import UUID, uuid4

from cloth_shared.errors import TokenRefused


class SessionEnded(TokenRefused):
    code = "session-ended"


class RefreshTokenReused(TokenRefused):
    """A refresh token that was already exchanged: someone else holds a copy."""

    code = "refresh-token-reused"


@dataclass(frozen=True, slots=True)
class Session:
    id: UUID
    person_id: UUID
    started_at: datetime
    expires_at: datetime
    refresh_token_hash: str
    revoked_at: datetime | None = None

    def is_open(self, at: datetime) -> bool:
        return self.revoked_at is None and at < self.expires_at


def start(person_id: UUID, *, refresh_token_hash: str, at: datetime, lifetime: timedelta) -> Session:
    """A session ends `lifetime` after sign-in, however often it is refreshed."""
    return Session(uuid4(), person_id, at, at + lifetime, refresh_token_hash)


def rotate(session: Session, *, presented_hash: str, new_hash: str, at: datetime) -> Session:
    """The session with its next refresh token; refused once ended or with a used token."""
    if session.revoked_at is not None:
        raise SessionEnded("this session was signed out: sign in again")
    if presented_hash != session.refresh_token_hash:
        raise RefreshTokenReused("this refresh token was already used: the session is ended")
    if at >= session.expires_at:
        raise SessionEnded("this session has expired: sign in again")
    return replace(session, refresh_token_hash=new_hash)


def revoke(session: Session, *, at: datetime) -> Session:
    return session if session.revoked_at is not None else replace(session, revoked_at=at)
