"""Use cases of partner-system clients: machine credentials with scopes."""

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotAuthenticated
from membership.domain import access
from membership.domain.clients import Client
from membership.service_layer.accounts import IssuedToken
from membership.service_layer.ports import Identity
from membership.service_layer.unit_of_work import MembershipUnitOfWork


@dataclass(frozen=True, slots=True)
class NewClient:
    client_id: UUID
    client_secret: str  # shown once; only its hash is kept
    scopes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RegisterClient:
    name: str
    scopes: tuple[str, ...]


async def create_client(
    uow: MembershipUnitOfWork, identity: Identity, caller: Principal, command: RegisterClient
) -> NewClient:
    """An administrator registers a partner system and receives its secret once."""
    access.manage_clients(caller)
    new = NewClient(uuid4(), secrets.token_urlsafe(32), command.scopes)
    client = Client(
        id=new.client_id,
        name=command.name,
        secret_hash=await identity.passwords.hash(new.client_secret),
        scopes=command.scopes,
        created_by=caller.subject,
        created_at=datetime.now(UTC),
    )
    async with uow:
        await uow.clients.add(client)
        await uow.commit()
    return new


async def client_token(
    uow: MembershipUnitOfWork, identity: Identity, *, client_id: UUID, client_secret: str
) -> IssuedToken:
    """Client-credentials grant: a partner system exchanges its secret for a scoped token."""
    async with uow:
        client = await uow.clients.get(client_id)
    # Verified even for an unknown client, so timing does not tell which clients exist.
    if (
        not await identity.passwords.verify(client.secret_hash if client else None, client_secret)
        or not client
    ):
        raise NotAuthenticated("unknown client or wrong secret", code="wrong-credentials")
    principal = client.principal()
    return IssuedToken(identity.tokens.issue(principal), identity.tokens.lifetime_seconds, principal)
