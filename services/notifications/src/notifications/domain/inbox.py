"""Notification records: one per (event, recipient, channel), and the e-mail each may carry.

`plan` decides, purely, what one event leaves behind: an in-app record per person told in the
app, an e-mail record per person told by e-mail with a delivery row when it goes at once (a
digest collects the others later). The storage's unique key (event id, person, channel) is what
makes a redelivery, a crash or a replay leave no second one. Whether a row may go to its address
is the sender's rule (verified addresses, docs/email.md), not the routing's.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from cloth_shared.ids import time_ordered_uuid
from notifications.domain.audiences import Payload, uuid_at
from notifications.domain.email import EmailDelivery
from notifications.domain.email_context import event_email_context, template_for, title_of
from notifications.domain.preferences import DIGESTS, Frequency, frequency_for
from notifications.domain.recipients import Recipient
from notifications.domain.routing import Category, Channel, Route

Choices = Mapping[tuple[Category, Channel], Frequency]


class InboxState(StrEnum):
    UNREAD = "unread"
    READ = "read"
    ARCHIVED = "archived"


@dataclass(frozen=True, slots=True)
class PersonNotification:
    id: UUID
    person_id: UUID
    event_id: UUID
    event_type: str
    category: Category
    channel: Channel
    frequency: Frequency
    title: str
    context: Mapping[str, Any]
    created_at: datetime
    # Per person, increasing in commit order: the SSE event id a reconnecting client resumes from.
    sequence: int = 0
    read_at: datetime | None = None
    archived_at: datetime | None = None
    digest_id: UUID | None = None

    @property
    def state(self) -> InboxState:
        if self.archived_at is not None:
            return InboxState.ARCHIVED
        return InboxState.READ if self.read_at is not None else InboxState.UNREAD


@dataclass(frozen=True, slots=True)
class Planned:
    notification: PersonNotification
    email: EmailDelivery | None = None


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One consumed event as routing sees it."""

    event_id: UUID
    event_type: str
    payload: Payload
    occurred_at: datetime
    organisation_names: Mapping[UUID, str] = field(default_factory=dict)


def plan(
    route: Route,
    event: Occurrence,
    told: Sequence[tuple[Recipient, Channel]],
    choices: Mapping[UUID, Choices],
) -> list[Planned]:
    """The records one event leaves: once per (person, channel), as each person chose."""
    actor = uuid_at(event.payload, route.actor) if route.actor else None
    about = _About(event)
    planned: list[Planned] = []
    seen: set[tuple[UUID, Channel]] = set()
    for recipient, channel in told:
        key = (recipient.person_id, channel)
        if key in seen or recipient.person_id == actor or not recipient.hears_of(event.occurred_at):
            continue
        seen.add(key)
        frequency = frequency_for(choices.get(recipient.person_id, {}), route.category, channel)
        if frequency is Frequency.OFF:
            continue
        planned.append(_record(route, about, recipient, channel, frequency))
    return planned


class _About:
    """What every record of one event says alike, worked out once for all its recipients."""

    def __init__(self, event: Occurrence) -> None:
        self.event = event
        self.context = {
            "event_type": event.event_type,
            "event": dict(event.payload),
            "organisation_names": {str(k): v for k, v in event.organisation_names.items()},
            "occurred_at": event.occurred_at.isoformat(),
        }
        self.title = title_of(event.event_type)
        self.template = template_for(event.event_type)
        self._mail: dict[str, Any] | None = None

    def mail(self, display_name: str) -> dict[str, Any]:
        if self._mail is None:
            e = self.event
            self._mail = event_email_context(e.event_type, e.payload, e.organisation_names, display_name="")
        return {**self._mail, "display_name": display_name}


def _record(
    route: Route, about: _About, recipient: Recipient, channel: Channel, frequency: Frequency
) -> Planned:
    event = about.event
    context = {**about.context, "recipient_name": recipient.display_name}
    notification = PersonNotification(
        id=time_ordered_uuid(),
        person_id=recipient.person_id,
        event_id=event.event_id,
        event_type=event.event_type,
        category=route.category,
        channel=channel,
        frequency=frequency,
        title=about.title,
        context=context,
        created_at=event.occurred_at,
    )
    if channel is not Channel.EMAIL or frequency in DIGESTS:
        return Planned(notification)
    # The record's context stays what in-app clients read; the row's adds what its template reads.
    rendered = about.mail(recipient.display_name)
    email = EmailDelivery(
        id=time_ordered_uuid(),
        notification_id=notification.id,
        person_id=recipient.person_id,
        to_address=recipient.email,
        language=recipient.language,
        template=about.template,
        context={**context, **rendered},
        created_at=event.occurred_at,
    )
    return Planned(notification, email)
