"""Reactions to membership events: use cases the inbox runs inside the unit of work."""

from typing import Any

from cloth_shared.contracts.envelope import EventEnvelope
from cloth_shared.contracts.membership import SMEJoined, StakeholderJoined
from notifications.domain.notifications import welcome
from notifications.service_layer.ports import NotificationsUnitOfWork


async def welcome_new_member(
    uow: NotificationsUnitOfWork,
    envelope: EventEnvelope[dict[str, Any]],
    event: SMEJoined | StakeholderJoined,
) -> None:
    """An organisation joined: put a welcome in its in-app inbox."""
    await uow.notifications.add(
        welcome(
            organisation_id=event.organisation.organisation_id,
            legal_name=event.organisation.legal_name,
            source_event_id=envelope.event_id,
            at=envelope.occurred_at,
        )
    )
