"""Reactions to membership's events: use cases the inbox runs inside the unit of work.

They change state and emit through the unit of work and never commit: the inbox commits the
effect, its processed-event row and the emitted events together (cloth_shared/inbox).
"""

from typing import Any

from cloth_shared.contracts.envelope import EventEnvelope
from cloth_shared.contracts.membership import (
    MembershipEnded,
    MembershipReinstated,
    OrganisationProfileUpdated,
    OrganisationSnapshot,
    PersonErased,
    PersonJoined,
    PersonRemoved,
    PersonRoleChanged,
    SMEJoined,
    StakeholderJoined,
)
from exchange.domain.membership_ended import on_membership_ended
from exchange.domain.parties import Coordinates, Party
from exchange.domain.people import Person
from exchange.domain.vocabulary import Category
from exchange.service_layer.ports import ExchangeUnitOfWork
from exchange.service_layer.transitions import record

Envelope = EventEnvelope[dict[str, Any]]


def party_of(organisation: OrganisationSnapshot, *, is_active: bool) -> Party:
    o = organisation
    coordinates = None
    if o.latitude is not None and o.longitude is not None:
        coordinates = Coordinates(o.latitude, o.longitude)
    return Party(
        organisation_id=o.organisation_id,
        category=Category(o.category),
        country=o.country,
        cluster_id=o.cluster_id,
        is_active=is_active,
        coordinates=coordinates,
        value_chains=frozenset(o.value_chains),
        languages=frozenset(o.languages),
        legal_name=o.legal_name,
        region=o.region,
    )


async def remember_organisation(
    uow: ExchangeUnitOfWork,
    envelope: Envelope,
    event: SMEJoined | StakeholderJoined | MembershipReinstated,
) -> None:
    """An organisation joined or was reinstated: an active member, as its snapshot says."""
    await uow.organisations.remember(party_of(event.organisation, is_active=True), as_of=envelope.occurred_at)


async def update_organisation(
    uow: ExchangeUnitOfWork, envelope: Envelope, event: OrganisationProfileUpdated
) -> None:
    """A new profile; whether it is an active member does not change with it."""
    known = await uow.organisations.get(event.organisation.organisation_id)
    is_active = True if known is None else known.is_active
    await uow.organisations.remember(
        party_of(event.organisation, is_active=is_active), as_of=envelope.occurred_at
    )


async def end_membership(uow: ExchangeUnitOfWork, envelope: Envelope, event: MembershipEnded) -> None:
    """No longer a member: requests not yet approved are cancelled, approved or running ones
    flagged to both clusters' managers (ExchangeCancelled / ExchangeAtRiskFlagged)."""
    party = party_of(event.organisation, is_active=False)
    if not await uow.organisations.remember(party, as_of=envelope.occurred_at):
        return  # an older announcement replayed late: a newer one already decided
    for exchange in await uow.exchanges.open_for(party.organisation_id):
        outcome = on_membership_ended(
            exchange, organisation_id=party.organisation_id, why=event.reason, at=event.ended_at
        )
        if outcome is not None:
            await record(uow, exchange, outcome)


async def remember_person(
    uow: ExchangeUnitOfWork, envelope: Envelope, event: PersonJoined | PersonRoleChanged
) -> None:
    """A person joined or changed role: keep who they act for, and their name for histories."""
    person = event.person
    await uow.people.remember(
        Person(
            person_id=person.person_id,
            display_name=person.display_name,
            email=person.email,
            language=person.language,
            role=person.role,
            organisation_id=person.organisation_id,
            cluster_id=person.cluster_id,
            updated_at=envelope.occurred_at,
        )
    )


async def detach_person(uow: ExchangeUnitOfWork, envelope: Envelope, event: PersonRemoved) -> None:
    """A person left their organisation or cluster: they act for nobody here any more."""
    await uow.people.detach(event.person_id, at=envelope.occurred_at)


async def forget_person(uow: ExchangeUnitOfWork, envelope: Envelope, event: PersonErased) -> None:
    """A person asked to be forgotten: name and e-mail leave exchange's tables; histories and
    reports keep their content and show "erased person" as the author."""
    await uow.people.forget(event.person_id, at=envelope.occurred_at)
