"""Request and response bodies of the training API."""

from datetime import date, datetime
from typing import Annotated, Any, Self
from uuid import UUID

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from cloth_shared.inputs import SafeText, SingleLine, StrictBool, StrictInt
from knowledge.domain.training.certificates import Certificate, CertificateStatus, Verification
from knowledge.domain.training.courses import (
    Audience,
    CompletionRule,
    Course,
    DeliveryMode,
    Language,
    Session,
    SkillArea,
    seats_left,
)
from knowledge.domain.training.enrolments import Enrolment, EnrolmentStatus
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


class CoursePublic(BaseModel):
    model_config = example(
        {
            "course_id": COURSE_ID,
            "cluster_id": CLUSTER_ID,
            "title": "Circular design for textile SMEs",
            "skill_area": "green",
            "audience": "members",
            "language": "en",
            "learning_outcomes": ["Plan a product for disassembly"],
            "modules": ["Design for disassembly"],
            "completion_rule": {"min_attendance_percent": 75, "assessment_required": True},
        },
        forbid=False,
    )

    course_id: UUID
    cluster_id: UUID
    title: str
    skill_area: SkillArea
    audience: Audience
    language: Language
    learning_outcomes: list[str]
    modules: list[str]
    completion_rule: CompletionRuleBody

    @classmethod
    def of(cls, course: Course) -> Self:
        rule = course.completion_rule
        return cls(
            course_id=course.course_id,
            cluster_id=course.cluster_id,
            title=course.title,
            skill_area=course.skill_area,
            audience=course.audience,
            language=course.language,
            learning_outcomes=list(course.learning_outcomes),
            modules=list(course.modules),
            completion_rule=CompletionRuleBody(
                min_attendance_percent=rule.min_attendance_percent,
                assessment_required=rule.assessment_required,
            ),
        )


class SessionPublic(BaseModel):
    model_config = example(
        {
            "session_id": SESSION_ID,
            "course_id": COURSE_ID,
            "mode": "online",
            "place": None,
            "meetings": ["2027-03-01T09:00:00Z"],
            "capacity": 20,
            "seats_left": 3,
            "trainer_id": PERSON_ID,
            "cancellation_deadline": "2027-02-22T23:59:00Z",
        },
        forbid=False,
    )

    session_id: UUID
    course_id: UUID
    mode: DeliveryMode
    place: str | None
    meetings: list[datetime]
    capacity: int
    seats_left: int
    trainer_id: UUID
    cancellation_deadline: datetime

    @classmethod
    def of(cls, session: Session) -> Self:
        return cls(
            session_id=session.session_id,
            course_id=session.course_id,
            mode=session.mode,
            place=session.place,
            meetings=list(session.meetings),
            capacity=session.capacity,
            seats_left=seats_left(session),
            trainer_id=session.trainer_id,
            cancellation_deadline=session.cancellation_deadline,
        )


class CourseDetail(CoursePublic):
    sessions: list[SessionPublic]


class EnrolmentPublic(BaseModel):
    model_config = example(
        {
            "enrolment_id": "9c405f6e-7d81-4293-9dae-2f3a4b5c6d7e",
            "session_id": SESSION_ID,
            "course_id": COURSE_ID,
            "person_id": PERSON_ID,
            "holder_name": "Laia Puig",
            "status": "waitlisted",
            "waitlist_position": 2,
            "enrolled_at": "2027-02-01T10:00:00Z",
            "attended": [],
            "assessment_passed": None,
            "completed_at": None,
        },
        forbid=False,
    )

    enrolment_id: UUID
    session_id: UUID
    course_id: UUID
    person_id: UUID
    holder_name: str | None = Field(description="None when unknown or erased on request.")
    status: EnrolmentStatus
    waitlist_position: int | None = Field(description="Arrival number while waiting.")
    enrolled_at: datetime
    attended: list[int]
    assessment_passed: bool | None
    completed_at: datetime | None

    @classmethod
    def of(cls, enrolment: Enrolment) -> Self:
        return cls.model_validate(
            {
                **{name: getattr(enrolment, name) for name in cls.model_fields if name != "attended"},
                "attended": sorted(enrolment.attended),
            }
        )


class AttendancePublic(BaseModel):
    enrolment: EnrolmentPublic
    certificate_id: UUID | None = Field(description="The certificate issued when this completed the course.")


class CertificatePublic(BaseModel):
    model_config = example(
        {
            "certificate_id": "ad516a7f-8e92-43a4-8ebf-3a4b5c6d7e8f",
            "course_id": COURSE_ID,
            "session_id": SESSION_ID,
            "course_title": "Circular design for textile SMEs",
            "completed_on": "2027-03-08",
            "verification_code": "7KQ2M4XJ5N3P6R2T4V5W6X7Y2Z",
            "status": "valid",
        },
        forbid=False,
    )

    certificate_id: UUID
    course_id: UUID
    session_id: UUID
    course_title: str
    completed_on: date
    verification_code: str
    status: CertificateStatus

    @classmethod
    def of(cls, certificate: Certificate) -> Self:
        values = {name: getattr(certificate, name) for name in cls.model_fields}
        return cls.model_validate(values)


class VerificationPublic(BaseModel):
    """All that verification tells: nothing else about the holder or the course."""

    model_config = example(
        {
            "status": "valid",
            "course_title": "Circular design for textile SMEs",
            "completed_on": "2027-03-08",
            "holder_name": "data erased on request",
        },
        forbid=False,
    )

    status: CertificateStatus
    course_title: str
    completed_on: date
    holder_name: str | None

    @classmethod
    def of(cls, verification: Verification) -> Self:
        return cls(
            status=verification.status,
            course_title=verification.course_title,
            completed_on=verification.completed_on,
            holder_name=verification.holder_name,
        )
