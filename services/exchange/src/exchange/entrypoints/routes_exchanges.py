"""Routes that request, list and read exchanges; the steps after the request are in routes_steps."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, status

from cloth_shared.auth.fastapi import Caller
from cloth_shared.openapi import problem_responses
from cloth_shared.pagination import Limit, Offset
from exchange.domain.vocabulary import State
from exchange.entrypoints.dependencies import ClockDep, UoW
from exchange.entrypoints.routing import JsonRoute
from exchange.entrypoints.schemas_exchange_public import ExchangePublic, HistoryEntryPublic
from exchange.entrypoints.schemas_exchanges import ExchangeCreate
from exchange.service_layer import requests, views
from exchange.service_layer.queries import ExchangeQuery

router = APIRouter(tags=["exchanges"], route_class=JsonRoute)


@router.post(
    "/programmes/{programme_id}/exchanges",
    response_model=ExchangePublic,
    status_code=status.HTTP_201_CREATED,
    summary="Request an exchange for your organisation; 422 lists every eligibility rule that fails.",
    responses=problem_responses(401, 403, 404, 409, 413, 422),
)
async def request_exchange(
    programme_id: UUID, body: ExchangeCreate, caller: Caller, uow: UoW, clock: ClockDep
) -> ExchangePublic:
    exchange = await requests.request_exchange(uow, caller, body.command(programme_id), clock=clock)
    return ExchangePublic.of(exchange)


@router.get(
    "/exchanges",
    response_model=list[ExchangePublic],
    summary="Exchanges you may see: your organisation's, your cluster's (managers), all (administrators).",
    responses=problem_responses(401, 403, 422),
)
async def list_exchanges(
    caller: Caller,
    uow: UoW,
    programme_id: UUID | None = None,
    state: State | None = None,
    organisation_id: Annotated[UUID | None, Query(description="Either side.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> list[ExchangePublic]:
    query = ExchangeQuery(programme_id, state, organisation_id, limit=limit, offset=offset)
    seen = await views.list_exchanges(uow, caller, query)
    return [ExchangePublic.of(e, seen.names) for e in seen.exchanges]


@router.get(
    "/exchanges/{exchange_id}",
    response_model=ExchangePublic,
    summary="One exchange (its parties, their clusters' managers, administrators).",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_exchange(exchange_id: UUID, caller: Caller, uow: UoW) -> ExchangePublic:
    seen = await views.view_exchange(uow, caller, exchange_id)
    return ExchangePublic.of(seen.exchange, seen.names)


@router.get(
    "/exchanges/{exchange_id}/history",
    response_model=list[HistoryEntryPublic],
    summary="Who did what, when (its parties, their clusters' managers, administrators).",
    responses=problem_responses(401, 403, 404, 422),
)
async def history(exchange_id: UUID, caller: Caller, uow: UoW) -> list[HistoryEntryPublic]:
    seen = await views.view_exchange(uow, caller, exchange_id)
    return [HistoryEntryPublic.of(entry, seen.names) for entry in seen.exchange.history]
