"""Fake webhook repositories over the fake notifications database's webhook tables."""

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Self
from uuid import UUID

from notifications.domain.webhook_deliveries import Attempt, Delivery
from notifications.domain.webhooks import Subscription


@dataclass
class FakeWebhookTables:
    subscriptions: dict[UUID, Subscription] = field(default_factory=dict)
    deliveries: dict[UUID, Delivery] = field(default_factory=dict)
    attempts: list[Attempt] = field(default_factory=list)
    notices: list[dict[str, Any]] = field(default_factory=list)

    def copy(self) -> Self:
        return type(self)(
            dict(self.subscriptions), dict(self.deliveries), list(self.attempts), list(self.notices)
        )


class FakeWebhookSubscriptionRepository:
    def __init__(self, tables: FakeWebhookTables) -> None:
        self._tables = tables

    async def add(self, subscription: Subscription) -> None:
        self._tables.subscriptions[subscription.id] = subscription

    async def get(self, subscription_id: UUID, *, for_update: bool = False) -> Subscription | None:
        return self._tables.subscriptions.get(subscription_id)

    async def save(self, subscription: Subscription) -> None:
        stored = self._tables.subscriptions[subscription.id]
        self._tables.subscriptions[subscription.id] = replace(
            stored,
            status=subscription.status,
            disabled_at=subscription.disabled_at,
            disabled_reason=subscription.disabled_reason,
            secret=subscription.secret,
            previous_secret=subscription.previous_secret,
            previous_secret_until=subscription.previous_secret_until,
        )

    async def remove(self, subscription_id: UUID) -> None:
        self._tables.subscriptions.pop(subscription_id, None)
        gone = {d.id for d in self._tables.deliveries.values() if d.subscription_id == subscription_id}
        for delivery_id in gone:
            del self._tables.deliveries[delivery_id]
        self._tables.attempts[:] = [a for a in self._tables.attempts if a.delivery_id not in gone]

    async def listed(self, *, client_id: UUID | None, limit: int, offset: int) -> list[Subscription]:
        found = [s for s in self._tables.subscriptions.values() if client_id in (None, s.client_id)]
        found.sort(key=lambda s: (s.created_at, s.id))
        return found[offset : offset + limit]

    async def matching(self, event_type: str) -> list[Subscription]:
        return [
            s
            for s in self._tables.subscriptions.values()
            if s.status == "active" and event_type in s.event_types
        ]

    async def any_matching(self, event_types: Collection[str]) -> bool:
        return any([await self.matching(event_type) for event_type in event_types])

    async def add_notice(self, subscription: Subscription, *, subject: str, text: str, at: datetime) -> None:
        self._tables.notices.append(
            {
                "subscription_id": subscription.id,
                "to": subscription.contact_email,
                "subject": subject,
                "text": text,
            }
        )


class FakeWebhookDeliveryRepository:
    def __init__(self, tables: FakeWebhookTables) -> None:
        self._tables = tables

    async def add_all(self, deliveries: Sequence[Delivery]) -> None:
        for delivery in deliveries:
            await self.add(delivery)

    async def add(self, delivery: Delivery) -> None:
        key = (delivery.event_id, delivery.subscription_id)
        if all((d.event_id, d.subscription_id) != key for d in self._tables.deliveries.values()):
            self._tables.deliveries[delivery.id] = delivery

    async def get(self, delivery_id: UUID, *, for_update: bool = False) -> Delivery | None:
        return self._tables.deliveries.get(delivery_id)

    async def save(self, delivery: Delivery, attempt: Attempt | None = None) -> None:
        self._tables.deliveries[delivery.id] = delivery
        if attempt is not None:
            self._tables.attempts.append(attempt)

    async def for_subscription(self, subscription_id: UUID, *, limit: int, offset: int) -> list[Delivery]:
        found = [d for d in self._tables.deliveries.values() if d.subscription_id == subscription_id]
        found.sort(key=lambda d: d.created_at, reverse=True)
        return found[offset : offset + limit]

    async def attempts(self, delivery_id: UUID) -> list[Attempt]:
        return [a for a in self._tables.attempts if a.delivery_id == delivery_id]

    async def claim_due(self, *, now: datetime, lease_seconds: float, limit: int) -> list[Delivery]:
        active = {s.id for s in self._tables.subscriptions.values() if s.status == "active"}
        due = [
            d
            for d in self._tables.deliveries.values()
            if d.status == "pending"
            and d.subscription_id in active
            and d.next_attempt_at
            and d.next_attempt_at <= now
        ]
        due.sort(key=lambda d: d.next_attempt_at or now)
        claimed = [replace(d, next_attempt_at=now + timedelta(seconds=lease_seconds)) for d in due[:limit]]
        self._tables.deliveries.update({d.id: d for d in claimed})
        return claimed

    async def redact_subject(self, subject_key: str) -> None:
        for d in list(self._tables.deliveries.values()):
            if d.subject_key == subject_key:
                document = json.loads(d.body)
                document["data"]["payload"] = {"redacted": True}
                self._tables.deliveries[d.id] = replace(d, body=json.dumps(document, separators=(",", ":")))

    async def replay_since(self, subscription_id: UUID, *, since: datetime, at: datetime) -> int:
        chosen = [
            d
            for d in self._tables.deliveries.values()
            if d.subscription_id == subscription_id and d.created_at >= since
        ]
        for d in chosen:
            self._tables.deliveries[d.id] = replace(
                d, status="pending", attempts=0, next_attempt_at=at, finished_at=None
            )
        return len(chosen)
