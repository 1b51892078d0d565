"""Reactions to membership's people events: use cases the inbox runs inside the unit of work."""

from typing import Any

from cloth_shared.contracts.envelope import EventEnvelope
from cloth_shared.contracts.membership import PersonErased, PersonJoined, PersonRoleChanged
from knowledge.domain import authors
from knowledge.service_layer.ports import KnowledgeUnitOfWork

Envelope = EventEnvelope[dict[str, Any]]


async def credit_author(
    uow: KnowledgeUnitOfWork, envelope: Envelope, event: PersonJoined | PersonRoleChanged
) -> None:
    """A person joined or changed role: keep the name resources will credit them with."""
    announcement = authors.Author(
        person_id=event.person_id,
        display_name=event.person.display_name,
        organisation_id=event.person.organisation_id,
        updated_at=envelope.occurred_at,
    )
    kept = authors.announced(await uow.authors.get(event.person_id, for_update=True), announcement)
    if kept is not None:
        await uow.authors.save(kept)


async def erase_author(uow: KnowledgeUnitOfWork, envelope: Envelope, event: PersonErased) -> None:
    """A person asked to be forgotten: their resources stay, credited to an erased person."""
    known = await uow.authors.get(event.person_id, for_update=True)
    if known is not None:
        await uow.authors.save(authors.erase(known, at=envelope.occurred_at))
