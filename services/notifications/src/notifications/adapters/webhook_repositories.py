"""Webhook subscriptions and deliveries over asyncpg; the SQL lives in webhook_queries.py."""

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from notifications.adapters import webhook_queries as q
from notifications.domain.webhook_deliveries import Attempt, Delivery
from notifications.domain.webhooks import Subscription


def _subscription(row: asyncpg.Record) -> Subscription:
    values: dict[str, Any] = dict(row)
    values["event_types"] = tuple(values["event_types"])
    return Subscription(**values)


class PostgresWebhookSubscriptionRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, subscription: Subscription) -> None:
        values = {name: getattr(subscription, name) for name in q.SUBSCRIPTION_COLUMNS}
        values["event_types"] = list(subscription.event_types)
        await self._connection.execute(
            q.INSERT_SUBSCRIPTION, *(values[name] for name in q.SUBSCRIPTION_COLUMNS)
        )

    async def get(self, subscription_id: UUID, *, for_update: bool = False) -> Subscription | None:
        query = q.GET_SUBSCRIPTION_FOR_UPDATE if for_update else q.GET_SUBSCRIPTION
        row = await self._connection.fetchrow(query, subscription_id)
        return _subscription(row) if row else None

    async def save(self, subscription: Subscription) -> None:
        s = subscription
        await self._connection.execute(
            q.SAVE_SUBSCRIPTION,
            *(s.id, s.status, s.disabled_at, s.disabled_reason),
            *(s.secret, s.previous_secret, s.previous_secret_until),
        )

    async def remove(self, subscription_id: UUID) -> None:
        await self._connection.execute(q.DELETE_SUBSCRIPTION, subscription_id)

    async def listed(self, *, client_id: UUID | None, limit: int, offset: int) -> list[Subscription]:
        rows = await self._connection.fetch(q.LIST_SUBSCRIPTIONS, client_id, limit, offset)
        return [_subscription(row) for row in rows]

    async def matching(self, event_type: str) -> list[Subscription]:
        return [
            _subscription(row) for row in await self._connection.fetch(q.MATCHING_SUBSCRIPTIONS, event_type)
        ]

    async def any_matching(self, event_types: Collection[str]) -> bool:
        return bool(await self._connection.fetchval(q.ANY_MATCHING_SUBSCRIPTION, list(event_types)))

    async def add_notice(self, subscription: Subscription, *, subject: str, text: str, at: datetime) -> None:
        await self._connection.execute(
            q.INSERT_NOTICE, subscription.id, subscription.contact_email, subject, text, at
        )


class PostgresWebhookDeliveryRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, delivery: Delivery) -> None:
        await self._connection.execute(q.INSERT_DELIVERY, *(getattr(delivery, c) for c in q.DELIVERY_COLUMNS))

    async def add_all(self, deliveries: Sequence[Delivery]) -> None:
        await self._connection.executemany(
            q.INSERT_DELIVERY, [tuple(getattr(d, c) for c in q.DELIVERY_COLUMNS) for d in deliveries]
        )

    async def get(self, delivery_id: UUID, *, for_update: bool = False) -> Delivery | None:
        query = q.GET_DELIVERY_FOR_UPDATE if for_update else q.GET_DELIVERY
        row = await self._connection.fetchrow(query, delivery_id)
        return Delivery(**dict(row)) if row else None

    async def save(self, delivery: Delivery, attempt: Attempt | None = None) -> None:
        d = delivery
        await self._connection.execute(
            q.SAVE_DELIVERY,
            d.id,
            d.status,
            d.attempts,
            d.next_attempt_at,
            d.last_response_code,
            d.finished_at,
        )
        if attempt is not None:
            await self._connection.execute(
                q.INSERT_ATTEMPT, *(getattr(attempt, c) for c in q.ATTEMPT_COLUMNS)
            )

    async def for_subscription(self, subscription_id: UUID, *, limit: int, offset: int) -> list[Delivery]:
        rows = await self._connection.fetch(q.LIST_DELIVERIES, subscription_id, limit, offset)
        return [Delivery(**dict(row)) for row in rows]

    async def attempts(self, delivery_id: UUID) -> list[Attempt]:
        return [Attempt(**dict(row)) for row in await self._connection.fetch(q.LIST_ATTEMPTS, delivery_id)]

    async def claim_due(self, *, now: datetime, lease_seconds: float, limit: int) -> list[Delivery]:
        rows = await self._connection.fetch(q.CLAIM_DUE, limit, now, lease_seconds)
        return [Delivery(**dict(row)) for row in rows]

    async def redact_subject(self, subject_key: str) -> None:
        await self._connection.execute(q.REDACT_SUBJECT, subject_key)

    async def replay_since(self, subscription_id: UUID, *, since: datetime, at: datetime) -> int:
        status = await self._connection.execute(q.REPLAY_SINCE, subscription_id, since, at)
        return int(status.split()[-1])
