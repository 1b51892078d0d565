"""Tokens that no longer speak for their holder, refused by every service from its own table.

A token's roles are those of when membership issued it. When a person's authority changes
(role changed, removed, erased, password changed, signed out everywhere) membership publishes
a people event; each service records "tokens of this person count only from then on" in its
own `token_validity` table through its inbox, and its `Caller` dependency refuses an older
token (401 `invalid_token`). No call to membership; revocation arrives within seconds.

This module is the pure part (ports, consumed-event use cases, the check);
`cloth_shared.auth.revocation.postgres` the table, its asyncpg adapter and `provide_revocation`.
A service adopts it as docs/new-service.md describes.
"""

from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from typing import Any, Protocol
from uuid import UUID

from cloth_shared.auth.principal import Principal
from cloth_shared.contracts.envelope import Event, EventEnvelope
from cloth_shared.contracts.membership import (
    PersonErased,
    PersonRemoved,
    PersonRoleChanged,
    PersonSessionsRevoked,
)
from cloth_shared.errors import TokenRefused
from cloth_shared.ports import UnitOfWorkPort

Envelope = EventEnvelope[dict[str, Any]]
Handler = Callable[[Any, Envelope, Any], Awaitable[None]]

# The events after which a person's earlier tokens are refused everywhere.
REVOKING_EVENTS: tuple[type[Event], ...] = (
    PersonRoleChanged,
    PersonRemoved,
    PersonErased,
    PersonSessionsRevoked,
)


class TokenValidityRepository(Protocol):
    async def refuse_before(self, subject: UUID, at: datetime) -> None:
        """Tokens of `subject` issued before `at` are refused (a later `at` only ever wins)."""
        ...

    async def valid_from(self, subject: UUID) -> datetime | None: ...


class RevocationUnitOfWork(UnitOfWorkPort, Protocol):
    token_validity: TokenValidityRepository


async def refuse_earlier_tokens(uow: RevocationUnitOfWork, envelope: Envelope, event: Any) -> None:
    """A person's authority changed: their tokens issued before the change are refused here."""
    await uow.token_validity.refuse_before(event.person_id, envelope.occurred_at)


def _both(first: Handler, second: Handler) -> Handler:
    async def handler(uow: Any, envelope: Envelope, event: Any) -> None:
        await first(uow, envelope, event)
        await second(uow, envelope, event)

    handler.__name__ = f"{getattr(first, '__name__', 'handler')}_then_{second.__name__}"
    return handler


def with_revocation(handlers: Mapping[type[Event], Handler] | None = None) -> dict[type[Event], Handler]:
    """A service's own membership.people handlers, each revoking event also refusing tokens."""
    combined: dict[type[Event], Handler] = dict(handlers or {})
    for event_type in REVOKING_EVENTS:
        own = combined.get(event_type)
        combined[event_type] = refuse_earlier_tokens if own is None else _both(own, refuse_earlier_tokens)
    return combined


class TokenRevocation:
    """The per-request check `cloth_shared.auth.fastapi` runs when a service provided one."""

    def __init__(self, validity: TokenValidityRepository) -> None:
        self._validity = validity

    async def check(self, principal: Principal) -> None:
        if principal.is_client or principal.issued_at is None:
            return
        valid_from = await self._validity.valid_from(principal.subject)
        if valid_from is not None and principal.issued_at < valid_from.timestamp():
            raise TokenRefused("this token was issued before the holder's authority changed: sign in again")
