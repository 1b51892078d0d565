"""Routes of programmes: administrators create and close them; their figures are public."""

from uuid import UUID

from fastapi import APIRouter, status

from cloth_shared.auth.fastapi import Caller
from cloth_shared.openapi import problem_responses
from exchange.entrypoints.dependencies import ClockDep, UoW
from exchange.entrypoints.routing import JsonRoute
from exchange.entrypoints.schemas_programmes import FiguresPublic, ProgrammeCreate, ProgrammePublic
from exchange.service_layer import figures, programmes

router = APIRouter(tags=["programmes"], route_class=JsonRoute)


@router.post(
    "/programmes",
    response_model=ProgrammePublic,
    status_code=status.HTTP_201_CREATED,
    summary="Create a programme with its windows, quotas and lump-sum caps (administrators).",
    responses=problem_responses(401, 403, 413, 422),
)
async def create(body: ProgrammeCreate, caller: Caller, uow: UoW, clock: ClockDep) -> ProgrammePublic:
    return ProgrammePublic.of(await programmes.create_programme(uow, caller, body.command(), clock=clock))


@router.get(
    "/programmes",
    response_model=list[ProgrammePublic],
    summary="Every programme, newest first (public).",
)
async def list_all(uow: UoW) -> list[ProgrammePublic]:
    return [ProgrammePublic.of(p) for p in await programmes.list_programmes(uow)]


@router.get(
    "/programmes/{programme_id}",
    response_model=ProgrammePublic,
    summary="One programme (public).",
    responses=problem_responses(404, 422),
)
async def get(programme_id: UUID, uow: UoW) -> ProgrammePublic:
    return ProgrammePublic.of(await programmes.get_programme(uow, programme_id))


@router.post(
    "/programmes/{programme_id}/closure",
    response_model=ProgrammePublic,
    summary="Close the programme: no new requests or approvals; figures stay (administrators).",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def close(programme_id: UUID, caller: Caller, uow: UoW, clock: ClockDep) -> ProgrammePublic:
    return ProgrammePublic.of(await programmes.close_programme(uow, caller, programme_id, clock=clock))


@router.get(
    "/programmes/{programme_id}/figures",
    response_model=FiguresPublic,
    tags=["figures"],
    summary="Approved and completed per target, by visitor cluster, country flows, forecasts (public).",
    responses=problem_responses(404, 422),
)
async def programme_figures(programme_id: UUID, uow: UoW, clock: ClockDep) -> FiguresPublic:
    return FiguresPublic.of(await figures.programme_figures(uow, programme_id, clock=clock))
