"""PersonErased for the training programme: names go, enrolments and certificates still count."""

from typing import Any

from cloth_shared.contracts.envelope import EventEnvelope
from cloth_shared.contracts.membership import PersonErased
from knowledge.domain.training.certificates import erase_holder
from knowledge.domain.training.enrolments import erase
from knowledge.service_layer.ports import KnowledgeUnitOfWork


async def forget_trainee(
    uow: KnowledgeUnitOfWork, envelope: EventEnvelope[dict[str, Any]], event: PersonErased
) -> None:
    """Seats, attendance and certificates stay (counts and verification hold); the name does not:
    verification then answers "valid" with the holder's data erased on request."""
    for enrolment in await uow.enrolments.of_person(event.person_id, for_update=True):
        if not enrolment.erased:
            await uow.enrolments.save(erase(enrolment))
    for certificate in await uow.certificates.of_person(event.person_id, for_update=True):
        if not certificate.holder_erased:
            await uow.certificates.save(erase_holder(certificate))
