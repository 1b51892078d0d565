"""Domain facts of the training programme as the contract events knowledge publishes."""

from typing import Literal, TypedDict
from uuid import UUID

from cloth_shared.contracts import knowledge_training as contract
from knowledge.domain.training.certificates import Certificate
from knowledge.domain.training.courses import Course, Session
from knowledge.domain.training.enrolments import (
    Cancellation,
    Enrolment,
    Seated,
    Waitlisted,
    attendance_percent,
)


def course_scheduled(course: Course, session: Session) -> contract.CourseScheduled:
    return contract.CourseScheduled(
        session_id=session.session_id,
        course_id=course.course_id,
        course=contract.CourseSnapshot(
            course_id=course.course_id,
            cluster_id=course.cluster_id,
            title=course.title,
            skill_area=course.skill_area.value,
            audience=course.audience.value,
            language=course.language.value,
        ),
        session=contract.SessionSnapshot(
            mode=session.mode.value,
            place=session.place,
            meetings=session.meetings,
            capacity=session.capacity,
            trainer_id=session.trainer_id,
            cancellation_deadline=session.cancellation_deadline,
        ),
        scheduled_by=session.scheduled_by,
        scheduled_at=session.scheduled_at,
    )


def enrolled(fact: Seated | Waitlisted) -> contract.EnrolmentConfirmed | contract.EnrolmentWaitlisted:
    at = fact.enrolment.enrolled_at
    if isinstance(fact, Waitlisted):
        return contract.EnrolmentWaitlisted(**_ids(fact.enrolment), position=fact.position, waitlisted_at=at)
    return contract.EnrolmentConfirmed(**_ids(fact.enrolment), confirmed_at=at)


def cancelled(outcome: Cancellation) -> contract.EnrolmentCancelled:
    assert outcome.cancelled.cancelled_at is not None
    was: Literal["confirmed", "waitlisted"] = "confirmed" if outcome.gave_up_seat else "waitlisted"
    return contract.EnrolmentCancelled(
        **_ids(outcome.cancelled), was=was, cancelled_at=outcome.cancelled.cancelled_at
    )


def promoted(enrolment: Enrolment) -> tuple[contract.PlaceOffered, contract.EnrolmentConfirmed]:
    assert enrolment.confirmed_at is not None
    at, ids = enrolment.confirmed_at, _ids(enrolment)
    return (
        contract.PlaceOffered(**ids, offered_at=at),
        contract.EnrolmentConfirmed(**ids, confirmed_at=at, promoted_from_waiting_list=True),
    )


def completed(session: Session, enrolment: Enrolment) -> contract.CourseCompleted:
    assert enrolment.completed_at is not None
    return contract.CourseCompleted(
        **_ids(enrolment),
        attendance_percent=attendance_percent(session, enrolment),
        completed_at=enrolment.completed_at,
    )


def certificate_issued(certificate: Certificate) -> contract.CertificateIssued:
    return contract.CertificateIssued(
        session_id=certificate.session_id,
        course_id=certificate.course_id,
        certificate_id=certificate.certificate_id,
        enrolment_id=certificate.enrolment_id,
        person_id=certificate.person_id,
        completed_on=certificate.completed_on,
        issued_at=certificate.issued_at,
    )


def certificate_revoked(certificate: Certificate) -> contract.CertificateRevoked:
    assert certificate.revoked_at is not None
    assert certificate.revoked_by is not None
    return contract.CertificateRevoked(
        session_id=certificate.session_id,
        course_id=certificate.course_id,
        certificate_id=certificate.certificate_id,
        person_id=certificate.person_id,
        revoked_by=certificate.revoked_by,
        reason=certificate.revocation_reason or "",
        revoked_at=certificate.revoked_at,
    )


class _Ids(TypedDict):
    session_id: UUID
    course_id: UUID
    enrolment_id: UUID
    person_id: UUID


def _ids(enrolment: Enrolment) -> _Ids:
    return {
        "session_id": enrolment.session_id,
        "course_id": enrolment.course_id,
        "enrolment_id": enrolment.enrolment_id,
        "person_id": enrolment.person_id,
    }
