"""What the notifications use cases need from storage: written against these, not asyncpg."""

from typing import Protocol
from uuid import UUID

from cloth_shared.auth.revocation import RevocationUnitOfWork
from notifications.domain.notifications import Notification
from notifications.service_layer.email_ports import EmailDeliveryRepository, VerifiedAddressRepository


class NotificationRepository(Protocol):
    async def add(self, notification: Notification) -> None:
        """Store it; a second notification of the same kind for the same event is ignored."""

    async def for_organisation(self, organisation_id: UUID, *, limit: int, offset: int) -> list[Notification]:
        """Newest first."""
        ...


class NotificationsUnitOfWork(RevocationUnitOfWork, Protocol):
    notifications: NotificationRepository
    email_deliveries: EmailDeliveryRepository
    verified_addresses: VerifiedAddressRepository
