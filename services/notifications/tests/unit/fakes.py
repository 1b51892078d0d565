"""The fake notifications unit of work: the repository over an in-memory database."""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Self
from uuid import UUID

from cloth_shared.auth.revocation import TokenValidityRepository
from cloth_shared.testing.fake_unit_of_work import FakeUnitOfWork
from cloth_shared.testing.revocation import FakeTokenValidity
from notifications.domain.email import SECRET_TEMPLATES, EmailDelivery
from notifications.domain.inbox import InboxState, PersonNotification
from notifications.domain.preferences import Frequency, Preference
from notifications.domain.recipients import MemberOrganisation, Recipient, RecipientQuery, found_for
from notifications.domain.routed_events import RoutedEvent
from notifications.domain.routing import Category, Channel
from notifications.service_layer.email_ports import EmailDeliveryRepository, VerifiedAddressRepository
from notifications.service_layer.ports import (
    Choices,
    OrganisationDirectory,
    PersonInbox,
    PreferenceRepository,
    RecipientDirectory,
    RoutedEventLog,
)
from notifications.service_layer.webhook_ports import WebhookDeliveryRepository, WebhookSubscriptionRepository

from .fake_webhooks import FakeWebhookDeliveryRepository, FakeWebhookSubscriptionRepository, FakeWebhookTables


@dataclass
class FakeNotificationsDatabase:
    token_validity: dict[UUID, datetime] = field(default_factory=dict)
    recipients: dict[UUID, Recipient] = field(default_factory=dict)
    organisations: dict[UUID, MemberOrganisation] = field(default_factory=dict)
    person_notifications: dict[UUID, PersonNotification] = field(default_factory=dict)
    sequences: dict[UUID, int] = field(default_factory=dict)
    preferences: dict[tuple[UUID, Category, Channel], Frequency] = field(default_factory=dict)
    digests_sent: dict[tuple[UUID, Frequency], datetime] = field(default_factory=dict)
    webhooks: FakeWebhookTables = field(default_factory=FakeWebhookTables)
    # The one `email_deliveries` table: routing, digests, account e-mails write it; the sender drains it.
    email_deliveries: dict[UUID, EmailDelivery] = field(default_factory=dict)
    verified_addresses: dict[UUID, tuple[str, datetime]] = field(default_factory=dict)
    # event id → (event, when it was routed)
    routed_events: dict[UUID, tuple[RoutedEvent, datetime]] = field(default_factory=dict)

    def copy(self) -> Self:
        return type(self)(
            token_validity=dict(self.token_validity),
            recipients=dict(self.recipients),
            organisations=dict(self.organisations),
            person_notifications=dict(self.person_notifications),
            sequences=dict(self.sequences),
            preferences=dict(self.preferences),
            digests_sent=dict(self.digests_sent),
            webhooks=self.webhooks.copy(),
            email_deliveries=dict(self.email_deliveries),
            verified_addresses=dict(self.verified_addresses),
            routed_events=dict(self.routed_events),
        )


def _mentions(context: Mapping[str, Any], person_id: UUID) -> bool:
    event = context.get("event")
    return isinstance(event, Mapping) and event.get("person_id") == str(person_id)


class FakeRecipientDirectory:
    def __init__(self, database: FakeNotificationsDatabase) -> None:
        self._db = database

    async def save(self, recipient: Recipient) -> None:
        known = self._db.recipients.get(recipient.person_id)
        if known is not None:  # the service's own fields survive a new snapshot
            recipient = replace(
                recipient,
                timezone=known.timezone,
                known_since=known.known_since or recipient.known_since,
            )
        self._db.recipients[recipient.person_id] = recipient

    async def get(self, person_id: UUID) -> Recipient | None:
        return self._db.recipients.get(person_id)

    async def find(self, query: RecipientQuery) -> list[Recipient]:
        found = [r for r in self._db.recipients.values() if query.matches(r)]
        return sorted(found, key=lambda r: r.person_id)

    async def find_each(self, queries: Collection[RecipientQuery]) -> dict[RecipientQuery, list[Recipient]]:
        return found_for(queries, self._db.recipients.values())

    async def forget(self, person_id: UUID) -> None:
        self._db.recipients.pop(person_id, None)
        for key in [k for k in self._db.preferences if k[0] == person_id]:
            del self._db.preferences[key]


class FakeOrganisationDirectory:
    def __init__(self, database: FakeNotificationsDatabase) -> None:
        self._db = database

    async def save(self, organisation: MemberOrganisation) -> None:
        self._db.organisations[organisation.organisation_id] = organisation

    async def save_all(self, organisations: Sequence[MemberOrganisation]) -> None:
        for organisation in organisations:
            await self.save(organisation)

    async def known(self, organisation_ids: Collection[UUID]) -> list[MemberOrganisation]:
        return [self._db.organisations[i] for i in organisation_ids if i in self._db.organisations]


class FakePersonInbox:
    def __init__(self, database: FakeNotificationsDatabase) -> None:
        self._db = database

    def _in_app(self, person_id: UUID) -> list[PersonNotification]:
        mine = [
            n
            for n in self._db.person_notifications.values()
            if n.person_id == person_id and n.channel is Channel.IN_APP
        ]
        return sorted(mine, key=lambda n: n.sequence)

    async def add(self, notification: PersonNotification) -> bool:
        n = notification
        sequence = self._db.sequences.get(n.person_id, 0) + 1
        self._db.sequences[n.person_id] = sequence
        key = (n.event_id, n.person_id, n.channel)
        if any((o.event_id, o.person_id, o.channel) == key for o in self._db.person_notifications.values()):
            return False
        self._db.person_notifications[n.id] = replace(n, sequence=sequence)
        return True

    async def add_all(self, notifications: Sequence[PersonNotification]) -> set[UUID]:
        return {n.id for n in notifications if await self.add(n)}

    async def page(
        self, person_id: UUID, *, state: InboxState | None, before: int | None, limit: int
    ) -> list[PersonNotification]:
        found = [
            n
            for n in reversed(self._in_app(person_id))
            if (before is None or n.sequence < before)
            and (n.state is state if state is not None else n.state is not InboxState.ARCHIVED)
        ]
        return found[:limit]

    async def after(self, person_id: UUID, sequence: int, *, limit: int) -> list[PersonNotification]:
        return [n for n in self._in_app(person_id) if n.sequence > sequence][:limit]

    async def latest_sequence(self, person_id: UUID) -> int:
        return self._db.sequences.get(person_id, 0)

    async def unread_count(self, person_id: UUID) -> int:
        return sum(n.state is InboxState.UNREAD for n in self._in_app(person_id))

    async def get(self, person_id: UUID, notification_id: UUID) -> PersonNotification | None:
        found = self._db.person_notifications.get(notification_id)
        if found is None or found.person_id != person_id or found.channel is not Channel.IN_APP:
            return None
        return found

    async def mark_read(self, person_id: UUID, notification_id: UUID | None, *, at: datetime) -> int:
        changed = 0
        for n in self._in_app(person_id):
            if n.read_at is None and notification_id in (None, n.id):
                self._db.person_notifications[n.id] = replace(n, read_at=at)
                changed += 1
        return changed

    async def archive(self, person_id: UUID, notification_id: UUID, *, at: datetime) -> bool:
        found = await self.get(person_id, notification_id)
        if found is None:
            return False
        self._db.person_notifications[found.id] = replace(
            found, archived_at=found.archived_at or at, read_at=found.read_at or at
        )
        return True

    async def awaiting_digest(self, frequency: Frequency) -> dict[UUID, list[PersonNotification]]:
        waiting: dict[UUID, list[PersonNotification]] = {}
        for n in sorted(self._db.person_notifications.values(), key=lambda n: (n.person_id, n.sequence)):
            if n.channel is Channel.EMAIL and n.frequency is frequency and n.digest_id is None:
                waiting.setdefault(n.person_id, []).append(n)
        return waiting

    async def mark_digested(self, notification_ids: Collection[UUID], digest_id: UUID) -> None:
        for i in notification_ids:
            self._db.person_notifications[i] = replace(self._db.person_notifications[i], digest_id=digest_id)

    async def last_digests(self, frequency: Frequency) -> dict[UUID, datetime]:
        return {p: at for (p, f), at in self._db.digests_sent.items() if f is frequency}

    async def record_digest(self, person_id: UUID, frequency: Frequency, *, at: datetime) -> None:
        self._db.digests_sent[(person_id, frequency)] = at

    async def forget(self, person_id: UUID) -> None:
        for n in list(self._db.person_notifications.values()):
            if n.person_id == person_id:
                del self._db.person_notifications[n.id]
            elif _mentions(n.context, person_id):
                self._db.person_notifications[n.id] = replace(n, context={})
        self._db.sequences.pop(person_id, None)
        for key in [k for k in self._db.digests_sent if k[0] == person_id]:
            del self._db.digests_sent[key]


class FakePreferenceRepository:
    def __init__(self, database: FakeNotificationsDatabase) -> None:
        self._db = database

    async def chosen(self, person_ids: Collection[UUID]) -> dict[UUID, Choices]:
        chosen: dict[UUID, Choices] = {}
        for (person_id, category, channel), frequency in self._db.preferences.items():
            if person_id in person_ids:
                chosen.setdefault(person_id, {})[(category, channel)] = frequency
        return chosen

    async def choose(self, preference: Preference) -> None:
        p = preference
        self._db.preferences[(p.person_id, p.category, p.channel)] = p.frequency


class FakeEmailDeliveryRepository:
    """The PostgreSQL repository's promises on a dict, with the wall clock as `now()`."""

    def __init__(self, database: FakeNotificationsDatabase) -> None:
        self._rows = database.email_deliveries
        self._verified = database.verified_addresses

    async def add(self, delivery: EmailDelivery) -> bool:
        taken = delivery.id in self._rows or (
            delivery.notification_id is not None
            and any(row.notification_id == delivery.notification_id for row in self._rows.values())
        )
        if taken:
            return False
        now = datetime.now(UTC)
        self._rows[delivery.id] = replace(
            delivery,
            status="pending",
            attempts=0,
            next_attempt_at=now,
            created_at=delivery.created_at or now,
            sent_at=None,
        )
        return True

    async def add_all(self, deliveries: Sequence[EmailDelivery]) -> None:
        for delivery in deliveries:
            await self.add(delivery)

    async def anonymise_for(self, person_id: UUID) -> None:
        for row in list(self._rows.values()):
            if row.person_id != person_id and _mentions(row.context, person_id):
                blanked = replace(row, context={})
                self._rows[row.id] = _never_sent(blanked, "the person it was about was erased")
        for row in [row for row in self._rows.values() if row.person_id == person_id]:
            erased = replace(row, person_id=None, to_address="erased", context={})
            self._rows[row.id] = _never_sent(erased, "recipient erased")

    async def for_person(self, person_id: UUID) -> list[EmailDelivery]:
        found = [row for row in self._rows.values() if row.person_id == person_id]
        return sorted(found, key=lambda row: (row.created_at or datetime.min.replace(tzinfo=UTC), row.id))

    async def get(self, delivery_id: UUID) -> EmailDelivery | None:
        return self._rows.get(delivery_id)

    async def resend_refused(self, person_id: UUID, email: str, *, reason: str, since: datetime) -> int:
        now = datetime.now(UTC)
        refused = [
            row
            for row in self._rows.values()
            if row.person_id == person_id
            and row.to_address.lower() == email.lower()
            and (row.status, row.last_error) == ("failed", reason)
            and row.created_at is not None
            and row.created_at >= since
        ]
        for row in refused:
            self._rows[row.id] = replace(row, status="pending", next_attempt_at=now, last_error=None)
        return len(refused)

    async def claim_due(self, *, limit: int, lease_seconds: float) -> list[EmailDelivery]:
        now = datetime.now(UTC)
        due = [
            row
            for row in self._rows.values()
            if row.status in ("pending", "sending") and row.next_attempt_at and row.next_attempt_at <= now
        ]
        due.sort(key=lambda row: (row.next_attempt_at or now, row.id))
        claimed = [
            replace(
                row,
                status="sending",
                attempts=row.attempts + 1,
                next_attempt_at=now + timedelta(seconds=lease_seconds),
            )
            for row in due[:limit]
        ]
        self._rows.update((row.id, row) for row in claimed)
        return claimed

    def _held(self, delivery_id: UUID, attempt: int) -> EmailDelivery | None:
        row = self._rows.get(delivery_id)
        return row if row and row.status == "sending" and row.attempts == attempt else None

    async def mark_sent(self, delivery_id: UUID, *, attempt: int) -> bool:
        if (row := self._held(delivery_id, attempt)) is None:
            return False
        self._rows[row.id] = replace(
            row, status="sent", sent_at=datetime.now(UTC), last_error=None, context=_kept(row)
        )
        return True

    async def retry_later(self, delivery_id: UUID, *, attempt: int, error: str, delay_seconds: float) -> bool:
        if (row := self._held(delivery_id, attempt)) is None:
            return False
        due = datetime.now(UTC) + timedelta(seconds=delay_seconds)
        self._rows[row.id] = replace(row, status="pending", last_error=error, next_attempt_at=due)
        return True

    async def mark_failed(self, delivery_id: UUID, *, attempt: int, error: str) -> bool:
        if (row := self._held(delivery_id, attempt)) is None:
            return False
        self._rows[row.id] = replace(row, status="failed", last_error=error, context=_kept(row))
        return True

    async def refuse_unverified(self, delivery: EmailDelivery, *, attempt: int, reason: str) -> bool:
        if (row := self._held(delivery.id, attempt)) is None:
            return False
        known = self._verified.get(row.person_id) if row.person_id else None
        if known is not None and known[0].lower() == row.to_address.lower():
            self._rows[row.id] = replace(row, status="pending", attempts=attempt - 1)
        else:
            self._rows[row.id] = replace(row, status="failed", last_error=reason)
        return True

    async def release(self, delivery_id: UUID, *, attempt: int) -> bool:
        if (row := self._held(delivery_id, attempt)) is None:
            return False
        now = datetime.now(UTC)
        self._rows[row.id] = replace(row, status="pending", attempts=attempt - 1, next_attempt_at=now)
        return True


def _never_sent(row: EmailDelivery, reason: str) -> EmailDelivery:
    return replace(row, status="failed", last_error=reason) if row.status in ("pending", "sending") else row


def _kept(row: EmailDelivery) -> Mapping[str, Any]:
    return {} if row.template in SECRET_TEMPLATES else row.context


class FakeVerifiedAddressRepository:
    def __init__(self, database: FakeNotificationsDatabase) -> None:
        self._addresses = database.verified_addresses

    async def remember(self, person_id: UUID, email: str, *, at: datetime) -> None:
        known = self._addresses.get(person_id)
        if known is None or known[1] <= at:
            self._addresses[person_id] = (email, at)

    async def forget(self, person_id: UUID) -> None:
        self._addresses.pop(person_id, None)

    async def verified(self, candidates: Sequence[tuple[UUID, str]]) -> set[tuple[UUID, str]]:
        return {
            (person_id, email)
            for person_id, email in candidates
            if person_id in self._addresses and self._addresses[person_id][0].lower() == email.lower()
        }


class FakeRoutedEventLog:
    """The log without its locks: the fake's transactions run one at a time."""

    def __init__(self, database: FakeNotificationsDatabase) -> None:
        self._events = database.routed_events

    async def hold_for_routing(self, keys: Collection[UUID]) -> None:
        pass

    async def hold_for_person(self, keys: Collection[UUID]) -> None:
        pass

    async def keep(self, events: Sequence[RoutedEvent], *, kept_for: timedelta) -> None:
        now = datetime.now(UTC)
        for event_id, (_, routed_at) in list(self._events.items()):
            if routed_at < now - kept_for:
                del self._events[event_id]
        for event in events:
            self._events.setdefault(event.event_id, (event, now))

    async def since(self, occurred_at: datetime, keys: Collection[UUID]) -> list[RoutedEvent]:
        found = [e for e, _ in self._events.values() if e.occurred_at >= occurred_at and e.keys & set(keys)]
        return sorted(found, key=lambda e: (e.occurred_at, e.event_id))

    async def forget_mentions(self, person_id: UUID) -> None:
        for event_id, (event, _) in list(self._events.items()):
            if person_id in event.keys or str(person_id) in repr(event.payload):
                del self._events[event_id]


class FakeNotificationsUnitOfWork(FakeUnitOfWork[FakeNotificationsDatabase]):
    email_deliveries: EmailDeliveryRepository
    verified_addresses: VerifiedAddressRepository
    token_validity: TokenValidityRepository
    recipients: RecipientDirectory
    organisations: OrganisationDirectory
    inbox: PersonInbox
    preferences: PreferenceRepository
    routed_events: RoutedEventLog
    webhook_subscriptions: WebhookSubscriptionRepository
    webhook_deliveries: WebhookDeliveryRepository

    def __init__(self, database: FakeNotificationsDatabase | None = None) -> None:
        super().__init__(database or FakeNotificationsDatabase())

    def _bind(self, work: FakeNotificationsDatabase) -> None:
        self.token_validity = FakeTokenValidity(work.token_validity)
        self.recipients = FakeRecipientDirectory(work)
        self.organisations = FakeOrganisationDirectory(work)
        self.inbox = FakePersonInbox(work)
        self.preferences = FakePreferenceRepository(work)
        self.routed_events = FakeRoutedEventLog(work)
        self.webhook_subscriptions = FakeWebhookSubscriptionRepository(work.webhooks)
        self.webhook_deliveries = FakeWebhookDeliveryRepository(work.webhooks)
        self.email_deliveries = FakeEmailDeliveryRepository(work)
        self.verified_addresses = FakeVerifiedAddressRepository(work)
