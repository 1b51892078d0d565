"""What knowledge holds about the caller (transparency on personal data)."""

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotFound
from knowledge.domain.people import Contributor
from knowledge.service_layer.ports import KnowledgeUnitOfWork


async def what_knowledge_holds_about(uow: KnowledgeUnitOfWork, caller: Principal) -> Contributor:
    """The caller's own record; nobody reads another person's record through this."""
    async with uow:
        contributor = await uow.contributors.get(caller.subject)
    if contributor is None:
        raise NotFound("knowledge holds nothing about you", code="person-not-known")
    return contributor
