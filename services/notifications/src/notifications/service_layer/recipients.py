"""Keeping the local directory of people and organisations from membership's events."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

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
from cloth_shared.inbox.together import AppliedTogether
from notifications.domain.audiences import organisation_ids_in
from notifications.domain.recipients import MemberOrganisation, Recipient, detached
from notifications.service_layer.ports import NotificationsUnitOfWork
from notifications.service_layer.routing import notify_all

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
    """Forget the person, their inbox and preferences, and the routed events kept that name them;
    their e-mail rows keep no personal field."""
    await uow.recipients.forget(event.person_id)
    await uow.inbox.forget(event.person_id)
    await uow.routed_events.forget_mentions(event.person_id)
    await uow.email_deliveries.anonymise_for(event.person_id)


async def _remember_organisations_then_notify(
    uow: NotificationsUnitOfWork, consumed: Sequence[tuple[Envelope, OrganisationEvent]]
) -> None:
    """Each organisation event's snapshot (home cluster and name, for routing) is remembered, then
    the event routed: as one event at a time would, in segments naming no organisation twice, so
    each event is routed with its organisation as its own event left it."""
    for segment in _naming_each_organisation_once(consumed):
        await uow.organisations.save_all(
            [
                MemberOrganisation(o.organisation_id, o.cluster_id, o.legal_name)
                for o in (event.organisation for _, event in segment)
            ]
        )
        await notify_all.apply(uow, segment)


remember_organisation_then_notify = AppliedTogether(_remember_organisations_then_notify)


def _naming_each_organisation_once(
    consumed: Sequence[tuple[Envelope, OrganisationEvent]],
) -> list[list[tuple[Envelope, OrganisationEvent]]]:
    segments: list[list[tuple[Envelope, OrganisationEvent]]] = [[]]
    named: set[UUID] = set()
    for item in consumed:
        names = organisation_ids_in(item[1].model_dump(mode="json")) | {item[1].organisation.organisation_id}
        if names & named:
            segments.append([])
            named = set()
        segments[-1].append(item)
        named |= names
    return segments
