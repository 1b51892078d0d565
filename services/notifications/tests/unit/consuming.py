"""Running consumed-event use cases as the inbox does: in the unit of work, then committed."""

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from cloth_shared.contracts.envelope import Event
from cloth_shared.contracts.membership import EmailAddressVerified
from cloth_shared.testing.examples import enveloped, person_joined
from notifications.entrypoints.consumers import SUBSCRIPTIONS

from .fakes import FakeNotificationsUnitOfWork

HANDLERS: dict[type[Event], Any] = {k: v for _, _, handlers in SUBSCRIPTIONS for k, v in handlers.items()}


async def consume(
    uow: FakeNotificationsUnitOfWork,
    event: Event,
    *,
    event_id: UUID | None = None,
    occurred_at: datetime | None = None,
) -> None:
    """The service's own handler for the event, as the inbox runs it (no inbox dedup here)."""
    async with uow:
        await HANDLERS[type(event)](uow, enveloped(event, event_id=event_id, occurred_at=occurred_at), event)
        await uow.commit()


async def person(
    uow: FakeNotificationsUnitOfWork,
    *,
    role: str = "organisation_member",
    organisation_id: UUID | None = None,
    cluster_id: UUID | None = None,
    language: str = "ca",
) -> UUID:
    """A person the directory knows (from their PersonJoined), their id."""
    joined = person_joined(
        role=role,  # type: ignore[arg-type]
        organisation_id=organisation_id,
        cluster_id=cluster_id,
        language=language,
    )
    await consume(uow, joined)
    return joined.person_id


async def verify_address(uow: FakeNotificationsUnitOfWork, person_id: UUID) -> None:
    """Membership says the person proved their current address theirs."""
    email = uow.database.recipients[person_id].email
    await consume(uow, EmailAddressVerified(person_id=person_id, email=email, verified_at=datetime.now(UTC)))
