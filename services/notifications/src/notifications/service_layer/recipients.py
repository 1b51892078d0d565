"""Keeping the local directory of people and organisations from membership's events."""

from datetime import datetime
from typing import Any

from cloth_shared.contracts.envelope import EventEnvelope
from cloth_shared.contracts.membership import (
    MembershipEnded,
    MembershipReinstated,
    OrganisationProfileUpdated,
    PersonErased,
    PersonJoined,
    PersonRemoved,
    PersonRoleChanged,
    PersonSnapshot,
    SMEJoined,
    StakeholderJoined,
)
from notifications.domain.recipients import MemberOrganisation, Recipient, detached
from notifications.service_layer.ports import NotificationsUnitOfWork

Envelope = EventEnvelope[dict[str, Any]]
OrganisationEvent = (
    SMEJoined | StakeholderJoined | OrganisationProfileUpdated | MembershipEnded | MembershipReinstated
)


def recipient_of(person: PersonSnapshot, *, at: datetime) -> Recipient:
    return Recipient(
        person_id=person.person_id,
        display_name=person.display_name,
        email=person.email,
        language=person.language,
        roles=frozenset({person.role}),
        organisation_id=person.organisation_id,
        cluster_id=person.cluster_id,
        known_since=at,
    )


async def remember_person(
    uow: NotificationsUnitOfWork, envelope: Envelope, event: PersonJoined | PersonRoleChanged
) -> None:
    """A person joined or changed role: the snapshot is how to reach them now."""
    await uow.recipients.save(recipient_of(event.person, at=envelope.occurred_at))


async def detach_person(uow: NotificationsUnitOfWork, envelope: Envelope, event: PersonRemoved) -> None:
    """A person left their organisation or cluster: reachable by id, no longer by membership."""
    known = await uow.recipients.get(event.person_id)
    if known is not None:
        await uow.recipients.save(detached(known))


async def erase_person(uow: NotificationsUnitOfWork, envelope: Envelope, event: PersonErased) -> None:
    """Forget the person, their inbox and preferences; their e-mail rows keep no personal field."""
    await uow.recipients.forget(event.person_id)
    await uow.inbox.forget(event.person_id)
    await uow.email_deliveries.anonymise_for(event.person_id)


async def remember_organisation(
    uow: NotificationsUnitOfWork, envelope: Envelope, event: OrganisationEvent
) -> None:
    """Every organisation event carries the snapshot: its home cluster and name, for routing."""
    snapshot = event.organisation
    await uow.organisations.save(
        MemberOrganisation(snapshot.organisation_id, snapshot.cluster_id, snapshot.legal_name)
    )
