"""Use cases of partner-system clients: machine credentials with scopes."""

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotAuthenticated
from membership.domain import access
from membership.domain.clients import Client
from membership.service_layer.accounts import digest, throttle
from membership.service_layer.ports import Identity
from membership.service_layer.sessions import IssuedToken, access_only
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
    uow: MembershipUnitOfWork,
    identity: Identity,
    *,
    client_id: UUID,
    client_secret: str,
    client_address: str = "unknown",
) -> IssuedToken:
    """Client-credentials grant: a partner system exchanges its secret for a scoped token.

    Limited like sign-ins, per client and address, before the (costly) hash is computed: an
    anonymous caller cannot make everyone's sign-in slow.
    """
    now, account_key = datetime.now(UTC), digest(f"client:{client_id}")
    async with uow:
        await throttle(uow, identity, account_key, client_address, now)
        client = await uow.clients.get(client_id)
        # Verified even for an unknown client, so timing does not tell which clients exist.
        secret_hash = client.secret_hash if client else None
        if not await identity.passwords.verify(secret_hash, client_secret) or not client:
            await uow.login_attempts.record(account_key, client_address, succeeded=False, at=now)
            await uow.commit()
            raise NotAuthenticated("unknown client or wrong secret", code="wrong-credentials")
    return access_only(identity, client.principal())
