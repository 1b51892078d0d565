"""Knowledge HTTP API."""

from datetime import datetime
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel

from cloth_shared.auth.fastapi import Caller
from cloth_shared.bodies import JsonRoute
from cloth_shared.openapi import problem_responses
from knowledge.entrypoints.dependencies import UoW
from knowledge.service_layer.people import what_knowledge_holds_about

router = APIRouter(route_class=JsonRoute)


class AuthorPublic(BaseModel):
    person_id: UUID
    display_name: str
    organisation_id: UUID | None
    updated_at: datetime


@router.get(
    "/people/me",
    response_model=AuthorPublic,
    tags=["personal data"],
    summary="What the knowledge service holds about the caller: the name resources credit (signed in).",
    responses=problem_responses(401, 404),
)
async def my_record(uow: UoW, caller: Caller) -> AuthorPublic:
    author = await what_knowledge_holds_about(uow, caller)
    return AuthorPublic.model_validate(author, from_attributes=True)
