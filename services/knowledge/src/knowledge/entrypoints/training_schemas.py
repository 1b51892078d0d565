"""Request bodies of the training API, and the examples its documents share."""

from typing import Annotated, Any
from uuid import UUID

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from cloth_shared.inputs import SafeText, SingleLine, StrictBool, StrictInt
from knowledge.domain.training.courses import (
    Audience,
    CompletionRule,
    DeliveryMode,
    Language,
    SkillArea,
)
from knowledge.service_layer.training.courses import CreateCourse, ScheduleSession

COURSE_ID = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b"
SESSION_ID = "7a2e3d4c-5b6f-4071-9b8c-0d1e2f3a4b5c"
PERSON_ID = "8b3f4e5d-6c70-4182-8c9d-1e2f3a4b5c6d"
CLUSTER_ID = "0b1c0000-0000-4000-8000-000000000001"

Item = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300), SingleLine]


def _unique(items: list[Any]) -> list[Any]:
    return list(dict.fromkeys(items))


def example(*examples: dict[str, Any], forbid: bool = True) -> ConfigDict:
    return ConfigDict(extra="forbid" if forbid else "ignore", json_schema_extra={"examples": list(examples)})


class CompletionRuleBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min_attendance_percent: Annotated[StrictInt, Field(ge=1, le=100)] = Field(
        description="Share of the meetings a person attends to complete the course."
    )
    assessment_required: StrictBool = Field(
        default=False, description="Whether an assessment must be passed too."
    )


class CourseCreate(BaseModel):
    model_config = example(
        {
            "cluster_id": CLUSTER_ID,
            "title": "Circular design for textile SMEs",
            "skill_area": "green",
            "audience": "members",
            "language": "en",
            "learning_outcomes": ["Plan a product for disassembly", "Choose recyclable fibre blends"],
            "modules": ["Why circularity pays", "Design for disassembly", "Take-back schemes"],
            "completion_rule": {"min_attendance_percent": 75, "assessment_required": True},
        }
    )

    cluster_id: UUID = Field(description="The cluster whose programme the course belongs to.")
    title: SafeText
    skill_area: SkillArea
    audience: Audience
    language: Language
    learning_outcomes: Annotated[list[Item], Field(min_length=1, max_length=20), AfterValidator(_unique)]
    modules: Annotated[list[Item], Field(min_length=1, max_length=50)]
    completion_rule: CompletionRuleBody

    def command(self) -> CreateCourse:
        rule = CompletionRule(
            self.completion_rule.min_attendance_percent, self.completion_rule.assessment_required
        )
        return CreateCourse(
            cluster_id=self.cluster_id,
            title=self.title,
            skill_area=self.skill_area,
            audience=self.audience,
            language=self.language,
            learning_outcomes=tuple(self.learning_outcomes),
            modules=tuple(self.modules),
            completion_rule=rule,
        )


class SessionCreate(BaseModel):
    model_config = example(
        {
            "mode": "on_site",
            "place": "Igualada, Escola d'Adoberia",
            "meetings": ["2027-03-01T09:00:00Z", "2027-03-08T09:00:00Z"],
            "capacity": 20,
            "trainer_id": PERSON_ID,
            "cancellation_deadline": "2027-02-22T23:59:00Z",
        }
    )

    mode: DeliveryMode
    place: SafeText | None = Field(default=None, description="Required on site; ignored online.")
    meetings: Annotated[list[AwareDatetime], Field(min_length=1, max_length=50)] = Field(
        description="Start of each meeting; attendance counts them."
    )
    capacity: Annotated[StrictInt, Field(ge=1, le=1000)]
    trainer_id: UUID
    cancellation_deadline: AwareDatetime = Field(description="Enrolments can be cancelled until then.")

    def command(self, course_id: UUID) -> ScheduleSession:
        return ScheduleSession(
            course_id=course_id,
            mode=self.mode,
            place=self.place,
            meetings=tuple(self.meetings),
            capacity=self.capacity,
            trainer_id=self.trainer_id,
            cancellation_deadline=self.cancellation_deadline,
        )


class AttendanceBody(BaseModel):
    model_config = example({"attended": [0, 1, 2], "assessment_passed": True})

    attended: Annotated[list[Annotated[StrictInt, Field(ge=0, le=49)]], Field(max_length=50)] = Field(
        description="Meetings attended, numbered from 0 in the session's order."
    )
    assessment_passed: StrictBool | None = Field(default=None, description="None while not assessed.")


class RevocationBody(BaseModel):
    model_config = example({"reason": "attendance was recorded for the wrong person"})

    reason: SafeText
