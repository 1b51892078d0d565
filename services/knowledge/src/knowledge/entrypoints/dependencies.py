"""FastAPI dependencies of the knowledge routes."""

from typing import Annotated

from fastapi import Depends

from cloth_shared.service import Infrastructure, component_dependency, infrastructure
from knowledge.adapters.unit_of_work import PostgresKnowledgeUnitOfWork
from knowledge.service_layer.search_cache import SearchCache


async def unit_of_work(
    infra: Annotated[Infrastructure, Depends(infrastructure)],
) -> PostgresKnowledgeUnitOfWork:
    return PostgresKnowledgeUnitOfWork(infra.pool, infra.outbox)


UoW = Annotated[PostgresKnowledgeUnitOfWork, Depends(unit_of_work)]
SearchAnswers = Annotated[SearchCache, Depends(component_dependency(SearchCache))]
