"""What the notifications use cases need from storage: written against these, not asyncpg."""

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import Protocol
from uuid import UUID

from cloth_shared.auth.revocation import RevocationUnitOfWork
from notifications.domain.inbox import InboxState, PersonNotification
from notifications.domain.preferences import Frequency, Preference
from notifications.domain.recipients import MemberOrganisation, Recipient, RecipientQuery
from notifications.domain.routed_events import RoutedEvent
from notifications.domain.routing import Category, Channel
from notifications.service_layer.email_ports import EmailDeliveryRepository, VerifiedAddressRepository
from notifications.service_layer.webhook_ports import WebhookDeliveryRepository, WebhookSubscriptionRepository

Choices = dict[tuple[Category, Channel], Frequency]


class RecipientDirectory(Protocol):
    async def save(self, recipient: Recipient) -> None:
        """Insert or replace the person (keeping their verification flag and timezone)."""

    async def get(self, person_id: UUID) -> Recipient | None: ...

    async def find(self, query: RecipientQuery) -> list[Recipient]:
        """Everyone the query matches, by person id."""
        ...

    async def find_each(self, queries: Collection[RecipientQuery]) -> dict[RecipientQuery, list[Recipient]]:
        """What `find` answers for each query, read at once."""
        ...

    async def forget(self, person_id: UUID) -> None:
        """Delete the person and their preferences."""


class OrganisationDirectory(Protocol):
    async def save(self, organisation: MemberOrganisation) -> None: ...

    async def save_all(self, organisations: Sequence[MemberOrganisation]) -> None:
        """`save` of each, in order."""

    async def known(self, organisation_ids: Collection[UUID]) -> list[MemberOrganisation]: ...


class PersonInbox(Protocol):
    """Per-person notification records; reads are of the in-app channel, newest first."""

    async def add(self, notification: PersonNotification) -> bool:
        """Store it with the person's next sequence; False if (event, person, channel) was there."""
        ...

    async def add_all(self, notifications: Sequence[PersonNotification]) -> set[UUID]:
        """`add` of each, in order (a person's sequences follow it); the ids stored."""
        ...

    async def page(
        self, person_id: UUID, *, state: InboxState | None, before: int | None, limit: int
    ) -> list[PersonNotification]:
        """In-app records by sequence descending, below `before`; `state` None: not archived."""
        ...

    async def after(self, person_id: UUID, sequence: int, *, limit: int) -> list[PersonNotification]:
        """In-app records above `sequence`, ascending: what a reconnecting stream missed."""
        ...

    async def latest_sequence(self, person_id: UUID) -> int: ...

    async def unread_count(self, person_id: UUID) -> int: ...

    async def get(self, person_id: UUID, notification_id: UUID) -> PersonNotification | None:
        """The person's own in-app record, or None (someone else's is not found either)."""
        ...

    async def mark_read(self, person_id: UUID, notification_id: UUID | None, *, at: datetime) -> int:
        """One record, or every unread one (None); how many changed."""
        ...

    async def archive(self, person_id: UUID, notification_id: UUID, *, at: datetime) -> bool: ...

    async def awaiting_digest(self, frequency: Frequency) -> dict[UUID, list[PersonNotification]]:
        """E-mail records of that frequency no digest carried yet, by person."""
        ...

    async def mark_digested(self, notification_ids: Collection[UUID], digest_id: UUID) -> None: ...

    async def last_digests(self, frequency: Frequency) -> dict[UUID, datetime]: ...

    async def record_digest(self, person_id: UUID, frequency: Frequency, *, at: datetime) -> None: ...

    async def forget(self, person_id: UUID) -> None:
        """Delete the person's records and sequence; blank the context of others' records of
        people events about them."""


class RoutedEventLog(Protocol):
    """The events routing read, kept a while for people the directory learns of late
    (domain/routed_events.py), and the locks that keep the two from missing each other."""

    async def hold_for_routing(self, keys: Collection[UUID]) -> None:
        """Shared locks on the keys until the transaction ends: taken before the directory is read."""

    async def hold_for_person(self, keys: Collection[UUID]) -> None:
        """Exclusive locks on the keys until the transaction ends: taken before the log is read."""

    async def keep(self, events: Sequence[RoutedEvent], *, kept_for: timedelta) -> None:
        """Keep each (an event already kept stays as it is), and drop some of the events routed
        longer than `kept_for` ago (a bounded batch per call)."""

    async def since(self, occurred_at: datetime, keys: Collection[UUID]) -> list[RoutedEvent]:
        """Events kept that occurred at or after `occurred_at` and share a key, oldest first."""
        ...

    async def forget_mentions(self, person_id: UUID) -> None:
        """Drop every kept event whose payload names the person (an erasure)."""


class PreferenceRepository(Protocol):
    async def chosen(self, person_ids: Collection[UUID]) -> dict[UUID, Choices]:
        """What each person chose explicitly (defaults are the domain's)."""
        ...

    async def choose(self, preference: Preference) -> None: ...


class NotificationsUnitOfWork(RevocationUnitOfWork, Protocol):
    recipients: RecipientDirectory
    organisations: OrganisationDirectory
    inbox: PersonInbox
    preferences: PreferenceRepository
    routed_events: RoutedEventLog
    webhook_subscriptions: WebhookSubscriptionRepository
    webhook_deliveries: WebhookDeliveryRepository
    email_deliveries: EmailDeliveryRepository
    verified_addresses: VerifiedAddressRepository
