"""Use cases of partner-system clients: machine credentials with scopes."""

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.errors import NotAuthenticated
from membership.domain import access
from membership.service_layer.accounts import IssuedToken
from membership.service_layer.ports import Identity
from membership.service_layer.unit_of_work import MembershipUnitOfWork


@dataclass(frozen=True, slots=True)
class NewClient:
    client_id: UUID
    client_secret: str  # shown once; only its hash is kept
    scopes: tuple[str, ...]


async def create_client(
    uow: MembershipUnitOfWork, identity: Identity, caller: Principal, *, name: str, scopes: tuple[str, ...]
) -> NewClient:
    """An administrator registers a partner system and receives its secret once."""
    access.manage_clients(caller)
    client = NewClient(uuid4(), secrets.token_urlsafe(32), scopes)
    secret_hash = await identity.passwords.hash(client.client_secret)
    async with uow:
        await uow.clients.add(
            client_id=client.client_id,
            name=name,
            secret_hash=secret_hash,
            scopes=list(scopes),
            created_by=caller.subject,
            at=datetime.now(UTC),
        )
        await uow.commit()
    return client


async def client_token(
    uow: MembershipUnitOfWork, identity: Identity, *, client_id: UUID, client_secret: str
) -> IssuedToken:
    """Client-credentials grant: a partner system exchanges its secret for a scoped token."""
    async with uow:
        client = await uow.clients.get(client_id)
    if (
        not await identity.passwords.verify(client["secret_hash"] if client else None, client_secret)
        or not client
    ):
        raise NotAuthenticated("unknown client or wrong secret", code="wrong-credentials")
    principal = Principal(
        subject=client_id, roles=frozenset({Role.PARTNER_CLIENT}), scopes=frozenset(client["scopes"])
    )
    return IssuedToken(identity.tokens.issue(principal), identity.tokens.lifetime_seconds, principal)
