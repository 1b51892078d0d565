"""Enrolment: a seat while there is one, else the waiting list in arrival order; promotion of
the first person waiting when a seat is given up; attendance and completion."""

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from cloth_shared.errors import Conflict, InvalidInput
from knowledge.domain.training.courses import Course, Session, check_open_for_enrolment, seats_left


class EnrolmentStatus(StrEnum):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Enrolment:
    """`holder_name` is personal data, kept for the roster and the certificate until erasure."""

    enrolment_id: UUID
    session_id: UUID
    course_id: UUID
    person_id: UUID
    status: EnrolmentStatus
    enrolled_at: datetime
    holder_name: str | None = None
    waitlist_position: int | None = None
    confirmed_at: datetime | None = None
    cancelled_at: datetime | None = None
    attended: frozenset[int] = frozenset()
    assessment_passed: bool | None = None
    completed_at: datetime | None = None
    erased: bool = False

    @property
    def active(self) -> bool:
        return self.status is not EnrolmentStatus.CANCELLED


@dataclass(frozen=True, slots=True)
class Seated:
    """The fact of an enrolment that got one of the seats left."""

    session: Session
    enrolment: Enrolment


@dataclass(frozen=True, slots=True)
class Waitlisted:
    """The fact of an enrolment on a full session: it waits, with the next arrival number."""

    session: Session
    enrolment: Enrolment
    position: int


@dataclass(frozen=True, slots=True)
class Cancellation:
    """What giving up a place changed: the session, the cancelled enrolment, whether it gave up a
    seat (or a place on the waiting list), and the first person waiting who got the seat, if any."""

    session: Session
    cancelled: Enrolment
    gave_up_seat: bool
    promoted: Enrolment | None


def enrol(
    session: Session, *, enrolment_id: UUID, person_id: UUID, holder_name: str | None, at: datetime
) -> Seated | Waitlisted:
    """A seat if one is left, otherwise the next place on the waiting list. The caller holds the
    session locked, so seats and arrival numbers are handed out one at a time."""
    check_open_for_enrolment(session, at=at)
    base = Enrolment(
        enrolment_id=enrolment_id,
        session_id=session.session_id,
        course_id=session.course_id,
        person_id=person_id,
        status=EnrolmentStatus.CONFIRMED,
        enrolled_at=at,
        holder_name=holder_name,
    )
    if seats_left(session) > 0:
        return Seated(replace(session, seats_taken=session.seats_taken + 1), replace(base, confirmed_at=at))
    position = session.waitlist_next
    waiting = replace(base, status=EnrolmentStatus.WAITLISTED, waitlist_position=position)
    return Waitlisted(replace(session, waitlist_next=position + 1), waiting, position)


def cancel(
    session: Session, enrolment: Enrolment, *, first_waiting: Enrolment | None, at: datetime
) -> Cancellation:
    """Give up a place before the deadline; a freed seat goes to the first person waiting."""
    if not enrolment.active:
        raise Conflict(
            "this enrolment is already cancelled", code="enrolment-not-active", status=enrolment.status
        )
    if at > session.cancellation_deadline:
        raise Conflict(
            "the cancellation deadline has passed",
            code="cancellation-deadline-passed",
            deadline=session.cancellation_deadline.isoformat(),
        )
    cancelled = replace(enrolment, status=EnrolmentStatus.CANCELLED, cancelled_at=at, waitlist_position=None)
    if enrolment.status is EnrolmentStatus.WAITLISTED:
        return Cancellation(session, cancelled, gave_up_seat=False, promoted=None)
    if first_waiting is None:
        freed = replace(session, seats_taken=session.seats_taken - 1)
        return Cancellation(freed, cancelled, gave_up_seat=True, promoted=None)
    promoted = replace(
        first_waiting, status=EnrolmentStatus.CONFIRMED, waitlist_position=None, confirmed_at=at
    )
    return Cancellation(session, cancelled, gave_up_seat=True, promoted=promoted)


def attendance_percent(session: Session, enrolment: Enrolment) -> int:
    return len(enrolment.attended) * 100 // len(session.meetings)


def record_attendance(
    course: Course,
    session: Session,
    enrolment: Enrolment,
    *,
    attended: frozenset[int],
    assessment_passed: bool | None,
    at: datetime,
) -> tuple[Enrolment, bool]:
    """The enrolment with its attendance and assessment recorded, and whether this completed it.

    `attended` holds meeting numbers (0 for the first). Completion is final: a later correction
    changes the record, not the certificate (revocation is its own decision).
    """
    if enrolment.status is not EnrolmentStatus.CONFIRMED:
        raise Conflict("attendance is recorded for confirmed places only", code="enrolment-not-confirmed")
    if any(not 0 <= meeting < len(session.meetings) for meeting in attended):
        raise InvalidInput(
            f"meetings are numbered 0 to {len(session.meetings) - 1}",
            code="unknown-meeting",
            field="attended",
        )
    recorded = replace(enrolment, attended=attended, assessment_passed=assessment_passed)
    if enrolment.completed_at is not None or not meets_rule(course, session, recorded):
        return recorded, False
    return replace(recorded, completed_at=at), True


def meets_rule(course: Course, session: Session, enrolment: Enrolment) -> bool:
    rule = course.completion_rule
    attended_enough = attendance_percent(session, enrolment) >= rule.min_attendance_percent
    return attended_enough and (not rule.assessment_required or enrolment.assessment_passed is True)


def erase(enrolment: Enrolment) -> Enrolment:
    """The person asked to be forgotten: the enrolment still counts, without who it was."""
    return replace(enrolment, holder_name=None, erased=True)
