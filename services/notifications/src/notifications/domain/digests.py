"""When a person's digest is due, and what it says: pure time arithmetic in their own timezone."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

from notifications.domain.email import EmailDelivery
from notifications.domain.email_context import DIGEST, digest_context
from notifications.domain.inbox import PersonNotification
from notifications.domain.preferences import Frequency
from notifications.domain.recipients import Recipient

MONDAY = 0


def next_slot(after: datetime, frequency: Frequency, *, timezone: str, hour: int) -> datetime:
    """The first digest time strictly after `after`: `hour`:00 local, daily or on Mondays."""
    zone = ZoneInfo(timezone)
    local = after.astimezone(zone)
    day = local.date()
    while True:
        slot = datetime.combine(day, time(hour), tzinfo=zone)
        if slot > local and (frequency is Frequency.DAILY_DIGEST or day.weekday() == MONDAY):
            return slot.astimezone(after.tzinfo)
        day += timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DigestDue:
    """A person's pending items of one frequency, and since when they have been collecting."""

    recipient: Recipient
    frequency: Frequency
    items: Sequence[PersonNotification]
    last_sent_at: datetime | None


def is_due(pending: DigestDue, now: datetime, *, hour: int) -> bool:
    if not pending.items:
        return False
    since = pending.last_sent_at or min(item.created_at for item in pending.items)
    return now >= next_slot(since, pending.frequency, timezone=pending.recipient.timezone, hour=hour)


def digest_email(pending: DigestDue, now: datetime) -> EmailDelivery:
    """One e-mail listing everything collected since the last digest, oldest first."""
    items = sorted(pending.items, key=lambda item: (item.created_at, item.sequence))
    context = digest_context(
        pending.frequency.value,
        pending.recipient.display_name,
        [(item.event_type, item.context, item.created_at) for item in items],
    )
    for entry, item in zip(context["items"], items, strict=True):
        entry |= {"notification_id": str(item.id), "category": item.category.value}
    return EmailDelivery(
        id=uuid4(),
        notification_id=None,
        person_id=pending.recipient.person_id,
        to_address=pending.recipient.email,
        language=pending.recipient.language,
        template=DIGEST,
        context={"frequency": pending.frequency.value, "recipient_name": pending.recipient.display_name}
        | context,
        created_at=now,
    )


def digested_ids(pending: DigestDue) -> list[UUID]:
    return [item.id for item in pending.items]
