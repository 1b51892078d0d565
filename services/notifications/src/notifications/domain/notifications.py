"""In-app notifications and the messages the platform sends on membership events."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID, uuid4


@dataclass(frozen=True, slots=True)
class Notification:
    id: UUID
    organisation_id: UUID
    kind: str
    title: str
    body: str
    source_event_id: UUID
    created_at: datetime
    read_at: datetime | None = None


def welcome(*, organisation_id: UUID, legal_name: str, source_event_id: UUID, at: datetime) -> Notification:
    """The greeting an organisation sees once its cluster approved it."""
    return Notification(
        id=uuid4(),
        organisation_id=organisation_id,
        kind="membership.welcome",
        title="Welcome to the CLOTH alliance",
        body=(
            f"{legal_name} is now an active member. Complete your profile to appear on the "
            "industry map, and browse hosts for a Fashion ClusterXchange."
        ),
        source_event_id=source_event_id,
        created_at=at,
    )
