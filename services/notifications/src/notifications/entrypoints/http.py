"""Notifications HTTP API."""

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query
from pydantic import BaseModel

from cloth_shared.auth.fastapi import Caller
from cloth_shared.bodies import JsonRoute
from cloth_shared.openapi import problem_responses
from cloth_shared.pagination import Limit, Offset
from notifications.entrypoints.dependencies import UoW
from notifications.service_layer.inbox import read_inbox

router = APIRouter(route_class=JsonRoute)


class NotificationPublic(BaseModel):
    id: UUID
    organisation_id: UUID
    kind: str
    title: str
    body: str
    created_at: datetime
    read_at: datetime | None


@router.get(
    "/notifications",
    response_model=list[NotificationPublic],
    tags=["in-app"],
    summary="An organisation's in-app notifications, newest first (its own people, or administrators).",
    responses=problem_responses(403),
)
async def list_notifications(
    uow: UoW,
    caller: Caller,
    organisation_id: Annotated[
        UUID | None, Query(description="Defaults to the caller's organisation.")
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> list[NotificationPublic]:
    found = await read_inbox(uow, caller, organisation_id, limit=limit, offset=offset)
    return [NotificationPublic.model_validate(n, from_attributes=True) for n in found]
