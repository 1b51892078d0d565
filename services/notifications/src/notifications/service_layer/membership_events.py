"""Reactions to membership events."""

from datetime import datetime
from uuid import UUID

from cloth_shared.contracts.membership import OrganisationSnapshot
from notifications.adapters.repositories import NotificationRepository
from notifications.domain.notifications import welcome


async def welcome_new_member(
    notifications: NotificationRepository, *, organisation: OrganisationSnapshot, event_id: UUID, at: datetime
) -> None:
    """An organisation joined: put a welcome in its in-app inbox."""
    await notifications.add(
        welcome(
            organisation_id=organisation.organisation_id,
            legal_name=organisation.legal_name,
            source_event_id=event_id,
            at=at,
        )
    )
