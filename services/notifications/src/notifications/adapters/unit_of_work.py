"""The notifications unit of work on PostgreSQL: repositories on one transaction, plus the outbox."""

import asyncpg

from cloth_shared.auth.revocation import TokenValidityRepository
from cloth_shared.auth.revocation.postgres import PostgresTokenValidity
from cloth_shared.unit_of_work import UnitOfWork
from notifications.adapters.email_deliveries import PostgresEmailDeliveryRepository
from notifications.adapters.repositories import PostgresNotificationRepository
from notifications.adapters.verified_addresses import PostgresVerifiedAddressRepository
from notifications.service_layer.email_ports import EmailDeliveryRepository, VerifiedAddressRepository
from notifications.service_layer.ports import NotificationRepository


class PostgresNotificationsUnitOfWork(UnitOfWork):
    # Typed as the port, so mypy checks the asyncpg repository against it.
    notifications: NotificationRepository
    email_deliveries: EmailDeliveryRepository
    verified_addresses: VerifiedAddressRepository

    token_validity: TokenValidityRepository

    def _bind(self, connection: asyncpg.Connection) -> None:
        self.token_validity = PostgresTokenValidity(connection)
        self.notifications = PostgresNotificationRepository(connection)
        self.email_deliveries = PostgresEmailDeliveryRepository(connection)
        self.verified_addresses = PostgresVerifiedAddressRepository(connection)
