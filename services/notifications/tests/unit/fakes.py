"""The fake notifications unit of work: the repository over an in-memory database."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Self
from uuid import UUID

from cloth_shared.auth.revocation import TokenValidityRepository
from cloth_shared.testing.fake_unit_of_work import FakeUnitOfWork
from cloth_shared.testing.revocation import FakeTokenValidity
from notifications.domain.email import SECRET_TEMPLATES, EmailDelivery
from notifications.domain.notifications import Notification
from notifications.service_layer.email_ports import EmailDeliveryRepository, VerifiedAddressRepository
from notifications.service_layer.ports import NotificationRepository


@dataclass
class FakeNotificationsDatabase:
    notifications: dict[UUID, Notification] = field(default_factory=dict)
    token_validity: dict[UUID, datetime] = field(default_factory=dict)
    email_deliveries: dict[UUID, EmailDelivery] = field(default_factory=dict)
    verified_addresses: dict[UUID, tuple[str, datetime]] = field(default_factory=dict)

    def copy(self) -> Self:
        return type(self)(
            notifications=dict(self.notifications),
            token_validity=dict(self.token_validity),
            email_deliveries=dict(self.email_deliveries),
            verified_addresses=dict(self.verified_addresses),
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


class FakeEmailDeliveryRepository:
    """The PostgreSQL repository's promises on a dict, with the wall clock as `now()`."""

    def __init__(self, database: FakeNotificationsDatabase) -> None:
        self._rows = database.email_deliveries

    async def add(self, delivery: EmailDelivery) -> bool:
        taken = delivery.id in self._rows or (
            delivery.notification_id is not None
            and any(row.notification_id == delivery.notification_id for row in self._rows.values())
        )
        if taken:
            return False
        now = datetime.now(UTC)
        self._rows[delivery.id] = replace(
            delivery, status="pending", attempts=0, next_attempt_at=now, created_at=now, sent_at=None
        )
        return True

    async def get(self, delivery_id: UUID) -> EmailDelivery | None:
        return self._rows.get(delivery_id)

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

    async def release(self, delivery_id: UUID, *, attempt: int) -> bool:
        if (row := self._held(delivery_id, attempt)) is None:
            return False
        now = datetime.now(UTC)
        self._rows[row.id] = replace(row, status="pending", attempts=attempt - 1, next_attempt_at=now)
        return True


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


class FakeNotificationsUnitOfWork(FakeUnitOfWork[FakeNotificationsDatabase]):
    notifications: NotificationRepository  # the port: mypy checks the fake against it
    email_deliveries: EmailDeliveryRepository
    verified_addresses: VerifiedAddressRepository
    token_validity: TokenValidityRepository

    def __init__(self, database: FakeNotificationsDatabase | None = None) -> None:
        super().__init__(database or FakeNotificationsDatabase())

    def _bind(self, work: FakeNotificationsDatabase) -> None:
        self.token_validity = FakeTokenValidity(work.token_validity)
        self.notifications = FakeNotificationRepository(work)
        self.email_deliveries = FakeEmailDeliveryRepository(work)
        self.verified_addresses = FakeVerifiedAddressRepository(work)
