"""Notifications HTTP API."""

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from cloth_shared.service import Infrastructure, infrastructure
from notifications.adapters.repositories import NotificationRepository

router = APIRouter()

MAX_PAGE_SIZE = 100


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
    summary="An organisation's in-app notifications, newest first.",
)
async def list_notifications(
    infra: Annotated[Infrastructure, Depends(infrastructure)],
    organisation_id: UUID,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> list[NotificationPublic]:
    found = await NotificationRepository(infra.pool).for_organisation(
        organisation_id, limit=limit, offset=offset
    )
    return [NotificationPublic.model_validate(n, from_attributes=True) for n in found]
