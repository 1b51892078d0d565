"""What exchange holds about the caller: transparency on personal data."""

from datetime import datetime
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel

from cloth_shared.auth.fastapi import Caller
from cloth_shared.openapi import problem_responses
from exchange.entrypoints.dependencies import UoW
from exchange.entrypoints.routing import JsonRoute
from exchange.service_layer.people import what_exchange_holds_about

router = APIRouter(tags=["personal data"], route_class=JsonRoute)


class PersonPublic(BaseModel):
    person_id: UUID
    display_name: str
    email: str
    language: str
    role: str | None
    organisation_id: UUID | None
    cluster_id: UUID | None
    updated_at: datetime


@router.get(
    "/people/me",
    response_model=PersonPublic,
    summary="What the exchange service holds about the caller (signed-in people only).",
    responses=problem_responses(401, 404),
)
async def my_record(uow: UoW, caller: Caller) -> PersonPublic:
    person = await what_exchange_holds_about(uow, caller)
    return PersonPublic.model_validate(person, from_attributes=True)
