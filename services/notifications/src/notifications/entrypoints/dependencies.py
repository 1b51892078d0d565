"""FastAPI dependencies of the notifications routes."""

from typing import Annotated

from fastapi import Depends

from cloth_shared.service import Infrastructure, infrastructure
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork


async def unit_of_work(
    infra: Annotated[Infrastructure, Depends(infrastructure)],
) -> PostgresNotificationsUnitOfWork:
    return PostgresNotificationsUnitOfWork(infra.pool, infra.outbox)


UoW = Annotated[PostgresNotificationsUnitOfWork, Depends(unit_of_work)]
