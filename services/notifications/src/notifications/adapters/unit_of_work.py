"""The notifications unit of work on PostgreSQL: repositories on one transaction, plus the outbox."""

import asyncpg

from cloth_shared.auth.revocation import TokenValidityRepository
from cloth_shared.auth.revocation.postgres import PostgresTokenValidity
from cloth_shared.unit_of_work import UnitOfWork
from notifications.adapters.directory import (
    PostgresOrganisationDirectory,
    PostgresPreferenceRepository,
    PostgresRecipientDirectory,
)
from notifications.adapters.email_deliveries import PostgresEmailDeliveryRepository
from notifications.adapters.person_inbox import PostgresPersonInbox
from notifications.adapters.routed_events import PostgresRoutedEventLog
from notifications.adapters.verified_addresses import PostgresVerifiedAddressRepository
from notifications.adapters.webhook_repositories import (
    PostgresWebhookDeliveryRepository,
    PostgresWebhookSubscriptionRepository,
)
from notifications.service_layer.email_ports import EmailDeliveryRepository, VerifiedAddressRepository
from notifications.service_layer.ports import (
    OrganisationDirectory,
    PersonInbox,
    PreferenceRepository,
    RecipientDirectory,
    RoutedEventLog,
)
from notifications.service_layer.webhook_ports import WebhookDeliveryRepository, WebhookSubscriptionRepository


class PostgresNotificationsUnitOfWork(UnitOfWork):
    # Typed as the port, so mypy checks the asyncpg repository against it.
    recipients: RecipientDirectory
    organisations: OrganisationDirectory
    inbox: PersonInbox
    preferences: PreferenceRepository
    routed_events: RoutedEventLog
    email_deliveries: EmailDeliveryRepository
    verified_addresses: VerifiedAddressRepository

    token_validity: TokenValidityRepository
    webhook_subscriptions: WebhookSubscriptionRepository
    webhook_deliveries: WebhookDeliveryRepository

    def _bind(self, connection: asyncpg.Connection) -> None:
        self.token_validity = PostgresTokenValidity(connection)
        self.recipients = PostgresRecipientDirectory(connection)
        self.organisations = PostgresOrganisationDirectory(connection)
        self.inbox = PostgresPersonInbox(connection)
        self.preferences = PostgresPreferenceRepository(connection)
        self.routed_events = PostgresRoutedEventLog(connection)
        self.webhook_subscriptions = PostgresWebhookSubscriptionRepository(connection)
        self.webhook_deliveries = PostgresWebhookDeliveryRepository(connection)
        self.email_deliveries = PostgresEmailDeliveryRepository(connection)
        self.verified_addresses = PostgresVerifiedAddressRepository(connection)
