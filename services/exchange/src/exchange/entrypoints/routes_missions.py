"""Routes of group missions: one host event that visitors from several countries join, each
through an exchange of its own (POST /programmes/{id}/exchanges with `group_mission_id`)."""

from uuid import UUID

from fastapi import APIRouter, status

from cloth_shared.auth.fastapi import Caller
from cloth_shared.openapi import problem_responses
from exchange.entrypoints.dependencies import ClockDep, UoW
from exchange.entrypoints.routing import JsonRoute
from exchange.entrypoints.schemas_offers import MissionCreate, MissionPublic, MissionVisitor
from exchange.service_layer import missions

router = APIRouter(tags=["group missions"], route_class=JsonRoute)


@router.post(
    "/programmes/{programme_id}/group-missions",
    response_model=MissionPublic,
    status_code=status.HTTP_201_CREATED,
    summary="Open a group mission your organisation hosts (the host's people).",
    responses=problem_responses(401, 403, 404, 409, 413, 422),
)
async def create(
    programme_id: UUID, body: MissionCreate, caller: Caller, uow: UoW, clock: ClockDep
) -> MissionPublic:
    return MissionPublic.of(
        await missions.create_mission(uow, caller, body.command(programme_id), clock=clock)
    )


@router.get(
    "/programmes/{programme_id}/group-missions",
    response_model=list[MissionPublic],
    summary="The programme's group missions, by date (public).",
    responses=problem_responses(404, 422),
)
async def list_missions(programme_id: UUID, uow: UoW) -> list[MissionPublic]:
    return [MissionPublic.of(m) for m in await missions.list_missions(uow, programme_id)]


@router.get(
    "/group-missions/{mission_id}",
    response_model=MissionPublic,
    summary="A group mission with its visitors together (signed-in people).",
    responses=problem_responses(401, 404, 422),
)
async def get(mission_id: UUID, caller: Caller, uow: UoW) -> MissionPublic:
    mission, joined = await missions.view_mission(uow, mission_id)
    visitors = [
        MissionVisitor(
            exchange_id=e.id,
            visitor_organisation_id=e.visitor.organisation_id,
            visitor_country=e.visitor.country,
            state=str(e.state),
        )
        for e in joined
    ]
    return MissionPublic.of(mission, visitors)
