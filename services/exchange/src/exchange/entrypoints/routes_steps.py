"""Routes of an exchange's steps up to its start: each parses, calls one use case, and answers
the exchange after it. A step not allowed now answers 409 with `current_state` and `allowed_next`.

Each answers the exchange it built, encoded once (`model_response`; `response_model=` keeps the
OpenAPI document): FastAPI then calls these routes directly (cloth_shared.direct_calls) instead of
solving their dependencies and validating the answer again."""

from uuid import UUID

from fastapi import APIRouter, Response

from cloth_shared.auth.fastapi import Caller
from cloth_shared.http import model_response
from cloth_shared.openapi import problem_responses
from exchange.domain.exchanges import Exchange
from exchange.entrypoints.dependencies import ClockDep, UoW
from exchange.entrypoints.routing import JsonRoute
from exchange.entrypoints.schemas_exchange_public import ExchangePublic
from exchange.entrypoints.schemas_exchanges import (
    CommitmentBody,
    DistanceBody,
    OptionalReasonBody,
    ReasonBody,
    SignatureBody,
)
from exchange.service_layer import approval, commitment, requests

router = APIRouter(prefix="/exchanges/{exchange_id}", tags=["exchange steps"], route_class=JsonRoute)
STEP = problem_responses(401, 403, 404, 409, 422)
STEP_WITH_BODY = problem_responses(401, 403, 404, 409, 413, 422)


def _answer(exchange: Exchange) -> Response:
    return model_response(ExchangePublic.of(exchange))


@router.post(
    "/acceptance",
    response_model=ExchangePublic,
    summary="The host accepts the request (the host's people).",
    responses=STEP,
)
async def accept(exchange_id: UUID, caller: Caller, uow: UoW, clock: ClockDep) -> Response:
    return _answer(await requests.accept(uow, caller, exchange_id, clock=clock))


@router.post(
    "/decline",
    response_model=ExchangePublic,
    summary="The host declines, with a reason if given (the host's people).",
    responses=STEP_WITH_BODY,
)
async def decline(
    exchange_id: UUID, body: OptionalReasonBody, caller: Caller, uow: UoW, clock: ClockDep
) -> Response:
    return _answer(await requests.decline(uow, caller, exchange_id, body.reason, clock=clock))


@router.post(
    "/cancellation",
    response_model=ExchangePublic,
    summary="Withdraw before the start, with a reason; an approved slot is freed (either party's people).",
    responses=STEP_WITH_BODY,
)
async def cancel(exchange_id: UUID, body: ReasonBody, caller: Caller, uow: UoW, clock: ClockDep) -> Response:
    return _answer(await requests.cancel(uow, caller, exchange_id, body.reason, clock=clock))


@router.put(
    "/commitment",
    response_model=ExchangePublic,
    summary="Write or change the commitment to quality; clears every signature (either party's people).",
    responses=STEP_WITH_BODY,
)
async def amend_commitment(
    exchange_id: UUID, body: CommitmentBody, caller: Caller, uow: UoW, clock: ClockDep
) -> Response:
    amended = await commitment.amend_commitment(uow, caller, exchange_id, body.commitment(), clock=clock)
    return _answer(amended)


@router.post(
    "/signatures",
    response_model=ExchangePublic,
    summary="Sign the commitment for your side: visitor, host, or a home cluster (its managers).",
    responses=STEP_WITH_BODY,
)
async def sign(exchange_id: UUID, body: SignatureBody, caller: Caller, uow: UoW, clock: ClockDep) -> Response:
    return _answer(await commitment.sign(uow, caller, exchange_id, body.signatory, clock=clock))


@router.put(
    "/distance",
    response_model=ExchangePublic,
    summary="Enter the distance when coordinates are missing (visitor's cluster managers, administrators).",
    responses=STEP_WITH_BODY,
)
async def enter_distance(
    exchange_id: UUID, body: DistanceBody, caller: Caller, uow: UoW, clock: ClockDep
) -> Response:
    return _answer(await commitment.enter_distance(uow, caller, exchange_id, body.km, clock=clock))


@router.post(
    "/approval",
    response_model=ExchangePublic,
    summary="Approve: takes the quota slot, or 409 quota-exhausted (visitor's cluster managers, admins).",
    responses=STEP,
)
async def approve(exchange_id: UUID, caller: Caller, uow: UoW, clock: ClockDep) -> Response:
    return _answer(await approval.approve(uow, caller, exchange_id, clock=clock))


@router.post(
    "/start",
    response_model=ExchangePublic,
    summary="Mark it started from its first day, as the programme's clock does (parties, managers, admins).",
    responses=STEP,
)
async def start(exchange_id: UUID, caller: Caller, uow: UoW, clock: ClockDep) -> Response:
    return _answer(await approval.start(uow, caller, exchange_id, clock=clock))
