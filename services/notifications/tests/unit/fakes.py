"""The fake notifications unit of work: the repository over an in-memory database."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Self
from uuid import UUID

from cloth_shared.auth.revocation import TokenValidityRepository
from cloth_shared.testing.fake_unit_of_work import FakeUnitOfWork
from cloth_shared.testing.revocation import FakeTokenValidity
from notifications.domain.notifications import Notification
from notifications.service_layer.ports import NotificationRepository
from notifications.service_layer.webhook_ports import WebhookDeliveryRepository, WebhookSubscriptionRepository

from .fake_webhooks import FakeWebhookDeliveryRepository, FakeWebhookSubscriptionRepository, FakeWebhookTables


@dataclass
class FakeNotificationsDatabase:
    notifications: dict[UUID, Notification] = field(default_factory=dict)
    token_validity: dict[UUID, datetime] = field(default_factory=dict)
    webhooks: FakeWebhookTables = field(default_factory=FakeWebhookTables)

    def copy(self) -> Self:
        return type(self)(
            notifications=dict(self.notifications),
            token_validity=dict(self.token_validity),
            webhooks=self.webhooks.copy(),
        )


class FakeNotificationRepository:
    def __init__(self, database: FakeNotificationsDatabase) -> None:
        self._notifications = database.notifications

    async def add(self, notification: Notification) -> None:
        already = any(
            (n.source_event_id, n.kind) == (notification.source_event_id, notification.kind)
            for n in self._notifications.values()
        )
        if not already:
            self._notifications[notification.id] = notification

    async def for_organisation(self, organisation_id: UUID, *, limit: int, offset: int) -> list[Notification]:
        found = [n for n in self._notifications.values() if n.organisation_id == organisation_id]
        found.sort(key=lambda n: n.id)
        found.sort(key=lambda n: n.created_at, reverse=True)
        return found[offset : offset + limit]


class FakeNotificationsUnitOfWork(FakeUnitOfWork[FakeNotificationsDatabase]):
    notifications: NotificationRepository  # the port: mypy checks the fake against it
    token_validity: TokenValidityRepository
    webhook_subscriptions: WebhookSubscriptionRepository
    webhook_deliveries: WebhookDeliveryRepository

    def __init__(self, database: FakeNotificationsDatabase | None = None) -> None:
        super().__init__(database or FakeNotificationsDatabase())

    def _bind(self, work: FakeNotificationsDatabase) -> None:
        self.token_validity = FakeTokenValidity(work.token_validity)
        self.notifications = FakeNotificationRepository(work)
        self.webhook_subscriptions = FakeWebhookSubscriptionRepository(work.webhooks)
        self.webhook_deliveries = FakeWebhookDeliveryRepository(work.webhooks)
