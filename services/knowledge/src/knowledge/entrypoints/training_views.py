"""Response bodies of the training API, each with an example for the OpenAPI document."""

from datetime import date, datetime
from typing import Self
from uuid import UUID

from pydantic import BaseModel, Field

from knowledge.domain.training.certificates import Certificate, CertificateStatus, Verification
from knowledge.domain.training.courses import (
    Audience,
    Course,
    DeliveryMode,
    Language,
    Session,
    SkillArea,
    seats_left,
)
from knowledge.domain.training.enrolments import Enrolment, EnrolmentStatus
from knowledge.entrypoints.training_schemas import (
    CLUSTER_ID,
    COURSE_ID,
    PERSON_ID,
    SESSION_ID,
    CompletionRuleBody,
    example,
)


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
