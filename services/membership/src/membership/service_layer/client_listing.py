"""Use case of the administrators' list of partner-system clients (read only)."""

from typing import Protocol

from cloth_shared.auth.principal import Principal
from membership.domain import access
from membership.domain.clients import Client


class PartnerClients(Protocol):
    async def page(self, *, limit: int, offset: int) -> list[Client]:
        """Every registered client, revoked ones too, newest first."""
        ...


async def list_clients(
    clients: PartnerClients, caller: Principal, *, limit: int, offset: int
) -> list[Client]:
    """An administrator sees every partner system registered (never their secrets)."""
    access.manage_clients(caller)
    return await clients.page(limit=limit, offset=offset)
