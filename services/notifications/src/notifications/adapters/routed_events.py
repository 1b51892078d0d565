"""The routed-events log and its locks over asyncpg."""

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from uuid import UUID

import asyncpg

from notifications.adapters import routed_event_queries as q
from notifications.domain.routed_events import RoutedEvent


class PostgresRoutedEventLog:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def hold_for_routing(self, keys: Collection[UUID]) -> None:
        if keys:
            await self._connection.fetchval(q.HOLD_SHARED, q.ROUTING_LOCK_NAMESPACE, sorted(keys))

    async def hold_for_person(self, keys: Collection[UUID]) -> None:
        if keys:
            await self._connection.fetchval(q.HOLD_EXCLUSIVE, q.ROUTING_LOCK_NAMESPACE, sorted(keys))

    async def keep(self, events: Sequence[RoutedEvent], *, kept_for: timedelta) -> None:
        if not events:
            return
        await self._connection.execute(
            q.KEEP_ROUTED_EVENTS,
            [e.event_id for e in events],
            [e.event_type for e in events],
            [e.payload for e in events],
            [e.occurred_at for e in events],
            ["{" + ",".join(str(key) for key in sorted(e.keys)) + "}" for e in events],
            kept_for,
        )

    async def since(self, occurred_at: datetime, keys: Collection[UUID]) -> list[RoutedEvent]:
        rows = await self._connection.fetch(q.ROUTED_SINCE, occurred_at, list(keys))
        return [
            RoutedEvent(
                row["event_id"], row["event_type"], row["payload"], row["occurred_at"], frozenset(row["keys"])
            )
            for row in rows
        ]

    async def forget_mentions(self, person_id: UUID) -> None:
        await self._connection.execute(q.FORGET_MENTIONS, person_id)
