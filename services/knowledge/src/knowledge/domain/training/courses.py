"""Courses and their sessions: what is taught, to whom, when, where and for how many."""

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from cloth_shared.errors import Conflict, InvalidInput


class SkillArea(StrEnum):
    MANAGEMENT = "management"
    TECHNICAL = "technical"
    ENTREPRENEURIAL = "entrepreneurial"
    DIGITAL = "digital"
    GREEN = "green"


class Audience(StrEnum):
    CLUSTER_MANAGERS = "cluster_managers"
    MEMBERS = "members"
    BOTH = "both"


class Language(StrEnum):
    EN = "en"
    ES = "es"
    CA = "ca"
    BG = "bg"
    FR = "fr"
    RO = "ro"
    DA = "da"


class DeliveryMode(StrEnum):
    ONLINE = "online"
    ON_SITE = "on_site"


@dataclass(frozen=True, slots=True)
class CompletionRule:
    """Completed when the share of meetings attended reaches the minimum and, if the course
    has an assessment, it was passed."""

    min_attendance_percent: int
    assessment_required: bool = False

    def __post_init__(self) -> None:
        if not 1 <= self.min_attendance_percent <= 100:
            raise InvalidInput("the minimum attendance is a percentage from 1 to 100", code="invalid-rule")


@dataclass(frozen=True, slots=True)
class Course:
    course_id: UUID
    cluster_id: UUID
    title: str
    skill_area: SkillArea
    audience: Audience
    language: Language
    learning_outcomes: tuple[str, ...]
    modules: tuple[str, ...]
    completion_rule: CompletionRule
    created_by: UUID
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Session:
    """One scheduled run of a course. `seats_taken` counts confirmed places (the database keeps
    it within `capacity`); `waitlist_next` is the arrival number the next person waiting gets."""

    session_id: UUID
    course_id: UUID
    mode: DeliveryMode
    place: str | None
    meetings: tuple[datetime, ...]
    capacity: int
    trainer_id: UUID
    cancellation_deadline: datetime
    scheduled_by: UUID
    scheduled_at: datetime
    seats_taken: int = 0
    waitlist_next: int = 1

    @property
    def starts_at(self) -> datetime:
        return self.meetings[0]


def schedule(session: Session, *, at: datetime) -> Session:
    """A session as scheduled, its meetings in order; refused when it could not run as stated."""
    if session.capacity < 1:
        raise InvalidInput("a session seats at least one person", code="invalid-capacity")
    if not session.meetings:
        raise InvalidInput("a session has at least one meeting", code="no-meetings")
    if session.mode is DeliveryMode.ON_SITE and not session.place:
        raise InvalidInput("an on-site session says where it takes place", code="place-required")
    meetings = tuple(sorted(set(session.meetings)))
    if meetings[0] <= at:
        raise InvalidInput("a session is scheduled in the future", code="session-in-the-past")
    if not at <= session.cancellation_deadline <= meetings[0]:
        raise InvalidInput(
            "the cancellation deadline falls between now and the first meeting", code="invalid-deadline"
        )
    place = session.place if session.mode is DeliveryMode.ON_SITE else None
    return replace(session, meetings=meetings, place=place, seats_taken=0, waitlist_next=1)


def seats_left(session: Session) -> int:
    return session.capacity - session.seats_taken


def check_open_for_enrolment(session: Session, *, at: datetime) -> None:
    if at >= session.starts_at:
        raise Conflict("this session has started: enrolment is closed", code="enrolment-closed")
