"""Learning plans HTTP API: the courses suggested to an organisation, read through its profile."""

from typing import Self
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel, Field

from cloth_shared.auth.fastapi import Caller
from cloth_shared.bodies import JsonRoute
from cloth_shared.openapi import problem_responses
from cloth_shared.pagination import Limit
from knowledge.domain.training.courses import Audience, Language, SkillArea
from knowledge.entrypoints.dependencies import UoW
from knowledge.entrypoints.training_schemas import COURSE_ID, example
from knowledge.entrypoints.training_views import CoursePublic
from knowledge.service_layer.learning_plans import LearningPlan, learning_plan

router = APIRouter(tags=["learning plans"], route_class=JsonRoute)

ORGANISATION_ID = "0b1c0000-0000-4000-8000-00000000a001"


class LearningPlanPublic(BaseModel):
    model_config = example(
        {
            "organisation_id": ORGANISATION_ID,
            "audience": "members",
            "languages": ["ca", "es"],
            "skill_areas": ["green", "technical", "entrepreneurial"],
            "courses": [{"course_id": COURSE_ID, "title": "Circular design for textile SMEs"}],
        },
        forbid=False,
    )

    organisation_id: UUID
    audience: Audience = Field(description="Whose courses: cluster organisations' or members'.")
    languages: list[Language] = Field(description="The organisation's languages the programme teaches in.")
    skill_areas: list[SkillArea] = Field(
        description="Matched from value chains, completed exchanges' activities, then the category."
    )
    courses: list[CoursePublic] = Field(description="Suggested courses, in title order.")

    @classmethod
    def of(cls, plan: LearningPlan) -> Self:
        return cls(
            organisation_id=plan.organisation_id,
            audience=plan.audience,
            languages=list(plan.languages),
            skill_areas=list(plan.skill_areas),
            courses=[CoursePublic.of(course) for course in plan.courses],
        )


@router.get(
    "/organisations/{organisation_id}/learning-plan",
    response_model=LearningPlanPublic,
    summary="The courses suggested to an organisation now "
    "(its people, its cluster's managers, administrators).",
    responses=problem_responses(401, 403, 404, 422),
)
async def organisation_learning_plan(
    organisation_id: UUID, caller: Caller, uow: UoW, limit: Limit = 20
) -> LearningPlanPublic:
    return LearningPlanPublic.of(await learning_plan(uow, caller, organisation_id, limit=limit))
