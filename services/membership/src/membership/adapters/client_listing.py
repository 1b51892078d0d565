"""Read side of the partner-system clients: one query on the pool, no transaction."""

import asyncpg

from membership.adapters.people import client_from_row
from membership.adapters.people_queries import CLIENT_COLUMNS
from membership.adapters.sql import columns
from membership.domain.clients import Client

# Newest first, then id: a stable order across pages.
LIST_CLIENTS = f"""
SELECT {columns(CLIENT_COLUMNS)} FROM partner_clients
ORDER BY created_at DESC, id
LIMIT $1 OFFSET $2
"""


class PostgresPartnerClients:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def page(self, *, limit: int, offset: int) -> list[Client]:
        rows = await self._pool.fetch(LIST_CLIENTS, limit, offset)
        return [client_from_row(row) for row in rows]
