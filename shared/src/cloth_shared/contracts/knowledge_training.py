"""Events published by the knowledge service's training programme, on `knowledge.training`.

Every event is keyed by the session id (a scheduled run of a course: its seats, waiting list,
attendance and certificates), so one session's enrolments, promotions and certificates stay in
order. People appear by id only (`person_id` is who the event concerns: the notifications
service writes to them); names and e-mail addresses stay with membership.
"""

from datetime import date, datetime
from typing import ClassVar, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from cloth_shared.contracts import topics
from cloth_shared.contracts.envelope import Event

SkillArea = Literal["management", "technical", "entrepreneurial", "digital", "green"]
Audience = Literal["cluster_managers", "members", "both"]
CourseLanguage = Literal["en", "es", "ca", "bg", "fr", "ro", "da"]
DeliveryMode = Literal["online", "on_site"]


class _TrainingEvent(Event):
    topic: ClassVar[str] = topics.KNOWLEDGE_TRAINING
    session_id: UUID = Field(description="The scheduled run of the course; the Kafka key.")
    course_id: UUID

    def subject_key(self) -> str:
        return str(self.session_id)


class CourseSnapshot(BaseModel):
    """What a course is about, as the catalogue shows it."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    course_id: UUID
    cluster_id: UUID = Field(description="The cluster that runs the course.")
    title: str
    skill_area: SkillArea
    audience: Audience
    language: CourseLanguage


class SessionSnapshot(BaseModel):
    """When and where a course runs, and for how many."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    mode: DeliveryMode
    place: str | None = Field(description="Where it takes place when on site; None online.")
    meetings: tuple[datetime, ...] = Field(description="Start of each meeting, in order (UTC).")
    capacity: int = Field(ge=1)
    trainer_id: UUID = Field(description="The person who trains and records attendance.")
    cancellation_deadline: datetime = Field(description="Enrolments can be cancelled until then.")


class CourseScheduled(_TrainingEvent):
    """A session of a course was scheduled: people may enrol."""

    event_type: ClassVar[str] = "CourseScheduled"
    event_version: ClassVar[int] = 1
    course: CourseSnapshot
    session: SessionSnapshot
    scheduled_by: UUID
    scheduled_at: datetime


class EnrolmentConfirmed(_TrainingEvent):
    """A person holds a seat: straight away, or promoted from the waiting list."""

    event_type: ClassVar[str] = "EnrolmentConfirmed"
    event_version: ClassVar[int] = 1
    enrolment_id: UUID
    person_id: UUID
    confirmed_at: datetime
    promoted_from_waiting_list: bool = Field(
        default=False, description="True when a cancellation freed the seat (PlaceOffered came first)."
    )


class EnrolmentWaitlisted(_TrainingEvent):
    """The session was full: the person waits, in arrival order."""

    event_type: ClassVar[str] = "EnrolmentWaitlisted"
    event_version: ClassVar[int] = 1
    enrolment_id: UUID
    person_id: UUID
    position: int = Field(ge=1, description="Arrival number on this session's waiting list.")
    waitlisted_at: datetime


class PlaceOffered(_TrainingEvent):
    """A seat freed by a cancellation went to the first person waiting.

    The place is confirmed at once (no reply is awaited, so a seat never stays empty waiting for
    one): `EnrolmentConfirmed` follows in the same transaction. The person may cancel it like any
    place until the cancellation deadline.
    """

    event_type: ClassVar[str] = "PlaceOffered"
    event_version: ClassVar[int] = 1
    enrolment_id: UUID
    person_id: UUID
    offered_at: datetime
    auto_confirmed: bool = Field(default=True, description="Always true in version 1.")


class EnrolmentCancelled(_TrainingEvent):
    """A person gave up their seat or their place on the waiting list."""

    event_type: ClassVar[str] = "EnrolmentCancelled"
    event_version: ClassVar[int] = 1
    enrolment_id: UUID
    person_id: UUID
    was: Literal["confirmed", "waitlisted"]
    cancelled_at: datetime


class CourseCompleted(_TrainingEvent):
    """A person met the course's completion rule (attendance share, and assessment if required)."""

    event_type: ClassVar[str] = "CourseCompleted"
    event_version: ClassVar[int] = 1
    enrolment_id: UUID
    person_id: UUID
    attendance_percent: int = Field(ge=0, le=100)
    completed_at: datetime


class CertificateIssued(_TrainingEvent):
    """A certificate of completion was issued; its holder can download it."""

    event_type: ClassVar[str] = "CertificateIssued"
    event_version: ClassVar[int] = 1
    certificate_id: UUID
    enrolment_id: UUID
    person_id: UUID = Field(description="The holder.")
    completed_on: date
    issued_at: datetime


class CertificateRevoked(_TrainingEvent):
    """A certificate no longer stands; verification answers "revoked" from now on."""

    event_type: ClassVar[str] = "CertificateRevoked"
    event_version: ClassVar[int] = 1
    certificate_id: UUID
    person_id: UUID = Field(description="The holder.")
    revoked_by: UUID
    reason: str
    revoked_at: datetime
