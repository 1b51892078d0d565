"""Routes after the stay: the report, the host's feedback, the review, the payment."""

from uuid import UUID

from fastapi import APIRouter

from cloth_shared.auth.fastapi import Caller
from cloth_shared.openapi import problem_responses
from exchange.entrypoints.dependencies import ClockDep, UoW
from exchange.entrypoints.routing import JsonRoute
from exchange.entrypoints.schemas_exchange_public import ExchangePublic
from exchange.entrypoints.schemas_exchanges import CommentsBody, FeedbackBody, ReportBody
from exchange.service_layer import closing

router = APIRouter(prefix="/exchanges/{exchange_id}", tags=["exchange steps"], route_class=JsonRoute)
STEP = problem_responses(401, 403, 404, 409, 422)
STEP_WITH_BODY = problem_responses(401, 403, 404, 409, 413, 422)


@router.post(
    "/report",
    response_model=ExchangePublic,
    summary="Submit the closing report with the evidence uploaded, from the last day (visitor's people).",
    responses=STEP_WITH_BODY,
)
async def submit_report(
    exchange_id: UUID, body: ReportBody, caller: Caller, uow: UoW, clock: ClockDep
) -> ExchangePublic:
    return ExchangePublic.of(
        await closing.submit_report(uow, caller, exchange_id, body.command(), clock=clock)
    )


@router.post(
    "/host-feedback",
    response_model=ExchangePublic,
    summary="The host's short feedback (the host's people).",
    responses=STEP_WITH_BODY,
)
async def give_feedback(
    exchange_id: UUID, body: FeedbackBody, caller: Caller, uow: UoW, clock: ClockDep
) -> ExchangePublic:
    return ExchangePublic.of(await closing.give_feedback(uow, caller, exchange_id, body.text, clock=clock))


@router.post(
    "/validation",
    response_model=ExchangePublic,
    summary="Validate the report: the exchange is completed (visitor's cluster managers, administrators).",
    responses=STEP,
)
async def validate(exchange_id: UUID, caller: Caller, uow: UoW, clock: ClockDep) -> ExchangePublic:
    return ExchangePublic.of(await closing.validate(uow, caller, exchange_id, clock=clock))


@router.post(
    "/send-back",
    response_model=ExchangePublic,
    summary="Send the report back with comments (visitor's cluster managers, administrators).",
    responses=STEP_WITH_BODY,
)
async def send_back(
    exchange_id: UUID, body: CommentsBody, caller: Caller, uow: UoW, clock: ClockDep
) -> ExchangePublic:
    return ExchangePublic.of(await closing.send_back(uow, caller, exchange_id, body.comments, clock=clock))


@router.post(
    "/payment",
    response_model=ExchangePublic,
    summary="Record that the lump sum was paid (visitor's cluster managers, administrators).",
    responses=STEP,
)
async def record_payment(exchange_id: UUID, caller: Caller, uow: UoW, clock: ClockDep) -> ExchangePublic:
    return ExchangePublic.of(await closing.record_payment(uow, caller, exchange_id, clock=clock))
