"""Routes of the common partnership strategy and the cooperation map.

Partner clusters' managers draft, approve (once per version and cluster) and comment; they and
administrators read every version; anyone reads the version in force and the cooperation map.
"""

from typing import Annotated

from fastapi import APIRouter, Path, status

from cloth_shared.auth.fastapi import Caller
from cloth_shared.bodies import JsonRoute
from cloth_shared.openapi import problem_responses
from knowledge.entrypoints.cooperation_schemas import CooperationPublic
from knowledge.entrypoints.dependencies import UoW
from knowledge.entrypoints.roadmap_schemas import CommentBody, StrategyDraft, StrategyVersionPublic
from knowledge.service_layer import cluster_roadmap, roadmap

router = APIRouter(tags=["cooperation roadmap"], route_class=JsonRoute)
VersionNumber = Annotated[int, Path(ge=1, le=1_000_000)]


@router.get(
    "/partnership-strategy",
    response_model=StrategyVersionPublic,
    summary="The partnership strategy in force: the latest version all five partners approved (public).",
    responses=problem_responses(404),
)
async def in_force(uow: UoW) -> StrategyVersionPublic:
    return StrategyVersionPublic.of(await roadmap.strategy_in_force(uow))


@router.get(
    "/partnership-strategy/versions",
    response_model=list[StrategyVersionPublic],
    summary="Every version, oldest first, with approvals and comments "
    "(partner clusters' managers, administrators).",
    responses=problem_responses(401, 403),
)
async def versions(caller: Caller, uow: UoW) -> list[StrategyVersionPublic]:
    return [StrategyVersionPublic.of(v) for v in await roadmap.strategy_versions(uow, caller)]


@router.post(
    "/partnership-strategy/versions",
    response_model=StrategyVersionPublic,
    status_code=status.HTTP_201_CREATED,
    summary="Draft the next version (a partner cluster's manager); it needs all five approvals again.",
    responses=problem_responses(401, 403, 413, 415, 422),
)
async def draft(body: StrategyDraft, caller: Caller, uow: UoW) -> StrategyVersionPublic:
    return StrategyVersionPublic.of(await roadmap.draft_strategy(uow, caller, body.content()))


@router.post(
    "/partnership-strategy/versions/{number}/approvals",
    response_model=StrategyVersionPublic,
    summary="Approve the latest version for your partner cluster, once; "
    "the fifth approval brings it into force.",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def approve(number: VersionNumber, caller: Caller, uow: UoW) -> StrategyVersionPublic:
    return StrategyVersionPublic.of(await roadmap.approve_strategy(uow, caller, number))


@router.post(
    "/partnership-strategy/versions/{number}/comments",
    response_model=StrategyVersionPublic,
    status_code=status.HTTP_201_CREATED,
    summary="Comment on the latest version for your partner cluster (a partner cluster's manager).",
    responses=problem_responses(401, 403, 404, 409, 413, 415, 422),
)
async def comment(
    number: VersionNumber, body: CommentBody, caller: Caller, uow: UoW
) -> StrategyVersionPublic:
    return StrategyVersionPublic.of(await roadmap.comment_strategy(uow, caller, number, body.text))


@router.get(
    "/cooperation-map",
    response_model=CooperationPublic,
    summary="The partner clusters with their labels, and which work together on which actions (public).",
)
async def cooperation(uow: UoW) -> CooperationPublic:
    return CooperationPublic.of(await cluster_roadmap.cooperation_map(uow))
