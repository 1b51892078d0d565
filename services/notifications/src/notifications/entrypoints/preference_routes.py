"""The caller's own notification preferences."""

from fastapi import APIRouter

from cloth_shared.auth.fastapi import Caller
from cloth_shared.bodies import JsonRoute
from cloth_shared.openapi import problem_responses
from notifications.domain.routing import Category, Channel
from notifications.entrypoints.dependencies import UoW
from notifications.entrypoints.inbox_schemas import PreferenceChoice, PreferencePublic
from notifications.service_layer import preferences

router = APIRouter(route_class=JsonRoute, prefix="/preferences", tags=["preferences"])


@router.get(
    "",
    response_model=list[PreferencePublic],
    summary="Every category and channel with how often the caller hears of it (defaults included).",
    responses=problem_responses(401, 403),
)
async def read_preferences(uow: UoW, caller: Caller) -> list[PreferencePublic]:
    return [PreferencePublic.of(p) for p in await preferences.read_preferences(uow, caller)]


@router.put(
    "/{category}/{channel}",
    response_model=PreferencePublic,
    summary="Choose immediate, a daily or weekly digest, or off (security e-mail stays immediate).",
    responses=problem_responses(401, 403, 413, 415, 422),
)
async def choose(
    category: Category, channel: Channel, body: PreferenceChoice, uow: UoW, caller: Caller
) -> PreferencePublic:
    return PreferencePublic.of(await preferences.choose(uow, caller, category, channel, body.frequency))
