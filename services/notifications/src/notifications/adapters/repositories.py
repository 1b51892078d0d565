"""Notification repository over asyncpg; the SQL lives in queries.py."""

from uuid import UUID

import asyncpg

from notifications.adapters import queries
from notifications.domain.notifications import Notification


class PostgresNotificationRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, notification: Notification) -> None:
        n = notification
        await self._connection.execute(
            queries.INSERT_NOTIFICATION,
            n.id,
            n.organisation_id,
            n.kind,
            n.title,
            n.body,
            n.source_event_id,
            n.created_at,
        )

    async def for_organisation(self, organisation_id: UUID, *, limit: int, offset: int) -> list[Notification]:
        rows = await self._connection.fetch(queries.LIST_FOR_ORGANISATION, organisation_id, limit, offset)
        return [Notification(**dict(row)) for row in rows]
