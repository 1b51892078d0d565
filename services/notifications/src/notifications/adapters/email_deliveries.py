"""E-mail delivery rows over asyncpg (jsonb as Python values, see cloth_shared.db); the SQL
lives in email_queries.py."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from notifications.adapters import email_queries as q
from notifications.domain.email import SECRET_TEMPLATES, EmailDelivery


class PostgresEmailDeliveryRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, delivery: EmailDelivery) -> bool:
        status = await self._connection.execute(q.INSERT_DELIVERY, *_inserted(delivery))
        return bool(status == "INSERT 0 1")

    async def add_all(self, deliveries: Sequence[EmailDelivery]) -> None:
        await self._connection.executemany(q.INSERT_DELIVERY, [_inserted(d) for d in deliveries])

    async def anonymise_for(self, person_id: UUID) -> None:
        await self._connection.execute(q.ANONYMISE_FOR_PERSON, person_id)

    async def for_person(self, person_id: UUID) -> list[EmailDelivery]:
        return [_delivery(row) for row in await self._connection.fetch(q.FOR_PERSON, person_id)]

    async def get(self, delivery_id: UUID) -> EmailDelivery | None:
        row = await self._connection.fetchrow(q.GET_DELIVERY, delivery_id)
        return _delivery(row) if row else None

    async def resend_refused(self, person_id: UUID, email: str, *, reason: str, since: datetime) -> int:
        status = await self._connection.execute(q.RESEND_REFUSED, person_id, email, reason, since)
        return int(status.split()[-1])

    async def claim_due(self, *, limit: int, lease_seconds: float) -> list[EmailDelivery]:
        rows = await self._connection.fetch(q.CLAIM_DUE, limit, lease_seconds)
        return [_delivery(row) for row in rows]

    async def mark_sent(self, delivery_id: UUID, *, attempt: int) -> bool:
        secret = list(SECRET_TEMPLATES)
        return _changed(await self._connection.execute(q.MARK_SENT, delivery_id, attempt, secret))

    async def retry_later(self, delivery_id: UUID, *, attempt: int, error: str, delay_seconds: float) -> bool:
        status = await self._connection.execute(q.RETRY_LATER, delivery_id, attempt, error, delay_seconds)
        return _changed(status)

    async def mark_failed(self, delivery_id: UUID, *, attempt: int, error: str) -> bool:
        secret = list(SECRET_TEMPLATES)
        return _changed(await self._connection.execute(q.MARK_FAILED, delivery_id, attempt, error, secret))

    async def refuse_unverified(self, delivery: EmailDelivery, *, attempt: int, reason: str) -> bool:
        await self._connection.execute(q.LOCK_VERIFICATION, delivery.person_id)
        return _changed(await self._connection.execute(q.REFUSE_UNVERIFIED, delivery.id, attempt, reason))

    async def release(self, delivery_id: UUID, *, attempt: int) -> bool:
        return _changed(await self._connection.execute(q.RELEASE, delivery_id, attempt))


def _changed(status: str) -> bool:
    return status == "UPDATE 1"


def _delivery(row: asyncpg.Record) -> EmailDelivery:
    values: dict[str, Any] = dict(row)
    return EmailDelivery(**values)


def _inserted(d: EmailDelivery) -> tuple[Any, ...]:
    """INSERT_DELIVERY's parameters."""
    return (
        d.id,
        d.notification_id,
        d.person_id,
        d.to_address,
        d.language,
        d.template,
        dict(d.context),
        d.created_at,
    )
