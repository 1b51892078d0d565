"""FastAPI dependencies of the knowledge routes."""

from typing import Annotated

from fastapi import Depends

from cloth_shared.service import Infrastructure, infrastructure
from knowledge.adapters.unit_of_work import PostgresKnowledgeUnitOfWork


async def unit_of_work(
    infra: Annotated[Infrastructure, Depends(infrastructure)],
) -> PostgresKnowledgeUnitOfWork:
    return PostgresKnowledgeUnitOfWork(infra.pool, infra.outbox)


UoW = Annotated[PostgresKnowledgeUnitOfWork, Depends(unit_of_work)]
