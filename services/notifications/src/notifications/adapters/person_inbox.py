"""Per-person notification records over asyncpg (their e-mail rows: email_deliveries.py)."""

from collections.abc import Collection, Sequence
from datetime import datetime
from uuid import UUID

import asyncpg

from notifications.adapters import inbox_queries as q
from notifications.domain.inbox import InboxState, PersonNotification
from notifications.domain.preferences import Frequency
from notifications.domain.routing import Category, Channel


def _notification(row: asyncpg.Record) -> PersonNotification:
    values = dict(row)
    return PersonNotification(
        **{
            **values,
            "category": Category(values["category"]),
            "channel": Channel(values["channel"]),
            "frequency": Frequency(values["frequency"]),
        }
    )


class PostgresPersonInbox:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, notification: PersonNotification) -> bool:
        return notification.id in await self.add_all([notification])

    async def add_all(self, notifications: Sequence[PersonNotification]) -> set[UUID]:
        if not notifications:
            return set()
        columns = [
            [n.id for n in notifications],
            [n.person_id for n in notifications],
            [n.event_id for n in notifications],
            [n.event_type for n in notifications],
            [n.category.value for n in notifications],
            [n.channel.value for n in notifications],
            [n.frequency.value for n in notifications],
            [n.title for n in notifications],
            [dict(n.context) for n in notifications],
            [n.created_at for n in notifications],
        ]
        return {row["id"] for row in await self._connection.fetch(q.ADD_NOTIFICATIONS, *columns)}

    async def page(
        self, person_id: UUID, *, state: InboxState | None, before: int | None, limit: int
    ) -> list[PersonNotification]:
        rows = await self._connection.fetch(
            q.INBOX_PAGE, person_id, before, state.value if state else None, limit
        )
        return [_notification(row) for row in rows]

    async def after(self, person_id: UUID, sequence: int, *, limit: int) -> list[PersonNotification]:
        rows = await self._connection.fetch(q.INBOX_AFTER, person_id, sequence, limit)
        return [_notification(row) for row in rows]

    async def latest_sequence(self, person_id: UUID) -> int:
        return int(await self._connection.fetchval(q.LATEST_SEQUENCE, person_id))

    async def unread_count(self, person_id: UUID) -> int:
        return int(await self._connection.fetchval(q.UNREAD_COUNT, person_id))

    async def get(self, person_id: UUID, notification_id: UUID) -> PersonNotification | None:
        row = await self._connection.fetchrow(q.GET_NOTIFICATION, person_id, notification_id)
        return None if row is None else _notification(row)

    async def mark_read(self, person_id: UUID, notification_id: UUID | None, *, at: datetime) -> int:
        status = await self._connection.execute(q.MARK_READ, person_id, notification_id, at)
        return int(status.split()[-1])

    async def archive(self, person_id: UUID, notification_id: UUID, *, at: datetime) -> bool:
        status = await self._connection.execute(q.ARCHIVE, person_id, notification_id, at)
        return bool(status != "UPDATE 0")

    async def awaiting_digest(self, frequency: Frequency) -> dict[UUID, list[PersonNotification]]:
        waiting: dict[UUID, list[PersonNotification]] = {}
        for row in await self._connection.fetch(q.AWAITING_DIGEST, frequency.value):
            waiting.setdefault(row["person_id"], []).append(_notification(row))
        return waiting

    async def mark_digested(self, notification_ids: Collection[UUID], digest_id: UUID) -> None:
        await self._connection.execute(q.MARK_DIGESTED, list(notification_ids), digest_id)

    async def last_digests(self, frequency: Frequency) -> dict[UUID, datetime]:
        rows = await self._connection.fetch(q.LAST_DIGESTS, frequency.value)
        return {row["person_id"]: row["sent_at"] for row in rows}

    async def record_digest(self, person_id: UUID, frequency: Frequency, *, at: datetime) -> None:
        await self._connection.execute(q.RECORD_DIGEST, person_id, frequency.value, at)

    async def forget(self, person_id: UUID) -> None:
        await self._connection.execute(q.FORGET_INBOX, person_id)
