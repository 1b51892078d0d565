"""Reactions to membership's organisation events: which cluster moderates whose resources."""

from typing import Any

from cloth_shared.contracts.envelope import EventEnvelope
from cloth_shared.contracts.membership import (
    MembershipEnded,
    MembershipReinstated,
    OrganisationProfileUpdated,
    SMEJoined,
    StakeholderJoined,
)
from knowledge.domain.library.organisations import KnownOrganisation, announced
from knowledge.service_layer.ports import KnowledgeUnitOfWork

OrganisationEvent = (
    SMEJoined | StakeholderJoined | OrganisationProfileUpdated | MembershipEnded | MembershipReinstated
)


async def remember_organisation(
    uow: KnowledgeUnitOfWork, envelope: EventEnvelope[dict[str, Any]], event: OrganisationEvent
) -> None:
    """Keep the organisation's cluster as announced; a replayed older announcement changes nothing.

    An organisation whose membership ended stays known: its resources keep their moderators.
    """
    organisation = event.organisation
    announcement = KnownOrganisation(
        organisation_id=organisation.organisation_id,
        cluster_id=organisation.cluster_id,
        legal_name=organisation.legal_name,
        updated_at=envelope.occurred_at,
    )
    kept = announced(await uow.library_organisations.get(organisation.organisation_id), announcement)
    if kept is not None:
        await uow.library_organisations.save(kept)
