"""Certificates of completion and what their public verification may say."""

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from cloth_shared.errors import Conflict
from knowledge.domain.training.courses import Course
from knowledge.domain.training.enrolments import Enrolment

# What verification says instead of the holder's name once they asked to be forgotten.
HOLDER_ERASED = "data erased on request"


class CertificateStatus(StrEnum):
    VALID = "valid"
    REVOKED = "revoked"


@dataclass(frozen=True, slots=True)
class Certificate:
    certificate_id: UUID
    enrolment_id: UUID
    session_id: UUID
    course_id: UUID
    person_id: UUID
    verification_code: str
    holder_name: str | None
    course_title: str
    completed_on: date
    issued_at: datetime
    revoked_at: datetime | None = None
    revoked_by: UUID | None = None
    revocation_reason: str | None = None
    holder_erased: bool = False

    @property
    def status(self) -> CertificateStatus:
        return CertificateStatus.VALID if self.revoked_at is None else CertificateStatus.REVOKED


@dataclass(frozen=True, slots=True)
class Verification:
    """All that the public verification answers: nothing else about the holder or the course."""

    status: CertificateStatus
    course_title: str
    completed_on: date
    holder_name: str | None


def issue(
    course: Course,
    enrolment: Enrolment,
    *,
    certificate_id: UUID,
    verification_code: str,
    holder_name: str | None,
    at: datetime,
) -> Certificate:
    """`holder_name` is the name membership last announced (the enrolment's when unknown)."""
    assert enrolment.completed_at is not None, "a certificate is issued for a completed enrolment"
    return Certificate(
        certificate_id=certificate_id,
        enrolment_id=enrolment.enrolment_id,
        session_id=enrolment.session_id,
        course_id=course.course_id,
        person_id=enrolment.person_id,
        verification_code=verification_code,
        holder_name=None if enrolment.erased else (holder_name or enrolment.holder_name),
        course_title=course.title,
        completed_on=enrolment.completed_at.date(),
        issued_at=at,
        holder_erased=enrolment.erased,
    )


def revoke(certificate: Certificate, *, by: UUID, reason: str, at: datetime) -> Certificate:
    if certificate.revoked_at is not None:
        raise Conflict("this certificate is already revoked", code="certificate-already-revoked")
    return replace(certificate, revoked_at=at, revoked_by=by, revocation_reason=reason)


def erase_holder(certificate: Certificate) -> Certificate:
    return replace(certificate, holder_name=None, holder_erased=True)


def verification(certificate: Certificate) -> Verification:
    holder = HOLDER_ERASED if certificate.holder_erased else certificate.holder_name
    return Verification(certificate.status, certificate.course_title, certificate.completed_on, holder)
