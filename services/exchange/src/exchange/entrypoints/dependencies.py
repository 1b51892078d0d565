"""FastAPI dependencies of the exchange routes: the unit of work, the clock, the evidence storage.

The caller comes from `cloth_shared.auth.fastapi` (`Caller`, `MaybeCaller`); the clock and the
storage are the components `bootstrap` provides at start-up (tests may replace them).
"""

from typing import Annotated

from fastapi import Depends

from cloth_shared.service import Infrastructure, component_dependency, infrastructure
from exchange.adapters.unit_of_work import PostgresExchangeUnitOfWork
from exchange.service_layer.ports import Clock, EvidenceStorage, ExchangeUnitOfWork


async def unit_of_work(infra: Annotated[Infrastructure, Depends(infrastructure)]) -> ExchangeUnitOfWork:
    return PostgresExchangeUnitOfWork(infra.pool, infra.outbox)


UoW = Annotated[ExchangeUnitOfWork, Depends(unit_of_work)]
ClockDep = Annotated[Clock, Depends(component_dependency(Clock))]  # type: ignore[type-abstract]
StorageDep = Annotated[EvidenceStorage, Depends(component_dependency(EvidenceStorage))]  # type: ignore[type-abstract]
