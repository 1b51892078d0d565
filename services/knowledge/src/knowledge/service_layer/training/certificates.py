"""Use cases of attendance, completion and certificates, down to their public verification."""

import base64
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotFound
from knowledge.domain.training import access
from knowledge.domain.training import certificates as rules
from knowledge.domain.training.certificates import Certificate, Verification
from knowledge.domain.training.enrolments import Enrolment, record_attendance
from knowledge.service_layer.ports import KnowledgeUnitOfWork
from knowledge.service_layer.training import events


@dataclass(frozen=True, slots=True)
class RecordAttendance:
    enrolment_id: UUID
    attended: frozenset[int]
    assessment_passed: bool | None = None


@dataclass(frozen=True, slots=True)
class AttendanceRecorded:
    enrolment: Enrolment
    certificate: Certificate | None


def new_verification_code() -> str:
    """128 random bits in base32 (26 characters, no padding): unguessable, easy to type."""
    return base64.b32encode(secrets.token_bytes(16)).decode("ascii").rstrip("=")


async def record(
    uow: KnowledgeUnitOfWork, caller: Principal, command: RecordAttendance, *, at: datetime | None = None
) -> AttendanceRecorded:
    """The trainer or a cluster manager records attendance; meeting the course's rule completes the
    course (CourseCompleted) and issues its certificate (CertificateIssued), once."""
    at = at or datetime.now(UTC)
    async with uow:
        enrolment = await uow.enrolments.get(command.enrolment_id, for_update=True)
        session = None if enrolment is None else await uow.courses.get_session(enrolment.session_id)
        course = None if session is None else await uow.courses.get_course(session.course_id)
        if enrolment is None or session is None or course is None:
            raise NotFound("no such enrolment", code="enrolment-not-found")
        access.check_records_attendance(caller, course, session)
        enrolment, completed = record_attendance(
            course,
            session,
            enrolment,
            attended=command.attended,
            assessment_passed=command.assessment_passed,
            at=at,
        )
        await uow.enrolments.save(enrolment)
        certificate = None
        if completed:
            author = await uow.authors.get(enrolment.person_id)
            certificate = rules.issue(
                course,
                enrolment,
                certificate_id=uuid4(),
                verification_code=new_verification_code(),
                holder_name=None if author is None or author.erased else author.display_name,
                at=at,
            )
            await uow.certificates.add(certificate)
            uow.emit(events.completed(session, enrolment))
            uow.emit(events.certificate_issued(certificate))
        await uow.commit()
    return AttendanceRecorded(enrolment, certificate)


async def revoke(
    uow: KnowledgeUnitOfWork,
    caller: Principal,
    certificate_id: UUID,
    *,
    reason: str,
    at: datetime | None = None,
) -> Certificate:
    """An administrator or a manager of the course's cluster withdraws a certificate."""
    at = at or datetime.now(UTC)
    async with uow:
        certificate = await uow.certificates.get(certificate_id, for_update=True)
        course = None if certificate is None else await uow.courses.get_course(certificate.course_id)
        if certificate is None or course is None:
            raise NotFound("no such certificate", code="certificate-not-found")
        access.check_revokes_certificates(caller, course)
        certificate = rules.revoke(certificate, by=caller.subject, reason=reason, at=at)
        await uow.certificates.save(certificate)
        uow.emit(events.certificate_revoked(certificate))
        await uow.commit()
    return certificate


async def my_certificates(uow: KnowledgeUnitOfWork, caller: Principal) -> list[Certificate]:
    async with uow.reading():
        return await uow.certificates.of_person(caller.subject)


async def holders_certificate(
    uow: KnowledgeUnitOfWork, caller: Principal, certificate_id: UUID
) -> Certificate:
    """One of the caller's own certificates (to download); nobody else's, not even an admin's view."""
    async with uow.reading():
        certificate = await uow.certificates.get(certificate_id)
    if certificate is None or certificate.person_id != caller.subject:
        raise NotFound("no such certificate of yours", code="certificate-not-found")
    return certificate


async def verify(uow: KnowledgeUnitOfWork, verification_code: str) -> Verification:
    """What anyone holding the code may learn: valid or revoked, course, date, holder's name."""
    async with uow.reading():
        certificate = await uow.certificates.by_code(verification_code)
    if certificate is None:
        raise NotFound("no certificate has this code", code="certificate-not-found")
    return rules.verification(certificate)
