"""What knowledge holds about the caller (transparency on personal data)."""

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotFound
from knowledge.domain.authors import Author
from knowledge.service_layer.ports import KnowledgeUnitOfWork


async def what_knowledge_holds_about(uow: KnowledgeUnitOfWork, caller: Principal) -> Author:
    """The caller's own author record; nobody reads another person's record through this."""
    async with uow:
        author = await uow.authors.get(caller.subject)
    if author is None or author.erased:
        raise NotFound("knowledge holds nothing about you", code="person-not-known")
    return author
