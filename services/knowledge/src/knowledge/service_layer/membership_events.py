"""Reactions to membership's people events: use cases the inbox runs inside the unit of work."""

from typing import Any

from cloth_shared.contracts.envelope import EventEnvelope
from cloth_shared.contracts.membership import PersonErased, PersonJoined, PersonRoleChanged
from knowledge.domain.people import Contributor
from knowledge.service_layer.ports import KnowledgeUnitOfWork

Envelope = EventEnvelope[dict[str, Any]]


async def remember_contributor(
    uow: KnowledgeUnitOfWork, envelope: Envelope, event: PersonJoined | PersonRoleChanged
) -> None:
    """A person joined or changed role: keep who they act for, to check their authority here."""
    person = event.person
    await uow.contributors.remember(
        Contributor(
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


async def forget_contributor(uow: KnowledgeUnitOfWork, envelope: Envelope, event: PersonErased) -> None:
    """A person asked to be forgotten: their name and e-mail leave knowledge's tables."""
    await uow.contributors.forget(event.person_id)
