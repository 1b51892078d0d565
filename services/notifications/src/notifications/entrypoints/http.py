"""Notifications HTTP API."""

from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel

from cloth_shared.auth.fastapi import principal_dependency
from cloth_shared.auth.principal import Principal
from cloth_shared.auth.verifier import TokenVerifier
from cloth_shared.service import Infrastructure, infrastructure
from notifications.adapters.repositories import NotificationRepository
from notifications.service_layer.inbox import read_inbox

router = APIRouter()

MAX_PAGE_SIZE = 100


def _verifier(request: Request) -> TokenVerifier:
    verifier: TokenVerifier = request.app.state.token_verifier  # built at start-up
    return verifier


Caller = Annotated[Principal, Depends(principal_dependency(_verifier))]


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
)
async def list_notifications(
    infra: Annotated[Infrastructure, Depends(infrastructure)],
    caller: Caller,
    organisation_id: Annotated[
        UUID | None, Query(description="Defaults to the caller's organisation.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> list[NotificationPublic]:
    found = await read_inbox(
        NotificationRepository(infra.pool), caller, organisation_id, limit=limit, offset=offset
    )
    return [NotificationPublic.model_validate(n, from_attributes=True) for n in found]
