"""Fake training repositories over the in-memory knowledge database (see fakes.py)."""

from dataclasses import dataclass, field
from typing import Self
from uuid import UUID

from cloth_shared.errors import Conflict
from knowledge.domain.training.certificates import Certificate
from knowledge.domain.training.courses import Course, Session
from knowledge.domain.training.enrolments import Enrolment, EnrolmentStatus
from knowledge.service_layer.training_ports import CourseFilter


@dataclass
class TrainingTables:
    courses: dict[UUID, Course] = field(default_factory=dict)
    sessions: dict[UUID, Session] = field(default_factory=dict)
    enrolments: dict[UUID, Enrolment] = field(default_factory=dict)
    certificates: dict[UUID, Certificate] = field(default_factory=dict)

    def copy(self) -> Self:
        return type(self)(
            dict(self.courses), dict(self.sessions), dict(self.enrolments), dict(self.certificates)
        )


def _matches(course: Course, matching: CourseFilter) -> bool:
    return (
        (matching.skill_areas is None or course.skill_area in matching.skill_areas)
        and (matching.audiences is None or course.audience in matching.audiences)
        and (matching.languages is None or course.language in matching.languages)
        and (matching.cluster_id is None or course.cluster_id == matching.cluster_id)
    )


class FakeCourseRepository:
    def __init__(self, tables: TrainingTables) -> None:
        self._tables = tables

    async def add_course(self, course: Course) -> None:
        self._tables.courses[course.course_id] = course

    async def get_course(self, course_id: UUID) -> Course | None:
        return self._tables.courses.get(course_id)

    async def courses(self, matching: CourseFilter, *, limit: int, offset: int = 0) -> list[Course]:
        found = sorted(
            (c for c in self._tables.courses.values() if _matches(c, matching)),
            key=lambda c: (c.title, str(c.course_id)),
        )
        return found[offset : offset + limit]

    async def add_session(self, session: Session) -> None:
        self._tables.sessions[session.session_id] = session

    async def get_session(self, session_id: UUID, *, for_update: bool = False) -> Session | None:
        return self._tables.sessions.get(session_id)

    async def save_session(self, session: Session) -> None:
        assert 0 <= session.seats_taken <= session.capacity, "the database's check refuses this"
        self._tables.sessions[session.session_id] = session

    async def sessions_of(self, course_id: UUID) -> list[Session]:
        found = [s for s in self._tables.sessions.values() if s.course_id == course_id]
        return sorted(found, key=lambda s: (s.starts_at, str(s.session_id)))


class FakeEnrolmentRepository:
    def __init__(self, tables: TrainingTables) -> None:
        self._enrolments = tables.enrolments

    async def add(self, enrolment: Enrolment) -> None:
        if await self.active_of(enrolment.session_id, enrolment.person_id) is not None:
            raise Conflict("you are already enrolled in this session", code="already-enrolled")
        self._enrolments[enrolment.enrolment_id] = enrolment

    async def save(self, enrolment: Enrolment) -> None:
        self._enrolments[enrolment.enrolment_id] = enrolment

    async def get(self, enrolment_id: UUID, *, for_update: bool = False) -> Enrolment | None:
        return self._enrolments.get(enrolment_id)

    async def active_of(self, session_id: UUID, person_id: UUID) -> Enrolment | None:
        return next(
            (
                e
                for e in self._enrolments.values()
                if (e.session_id, e.person_id) == (session_id, person_id) and e.active
            ),
            None,
        )

    async def first_waiting(self, session_id: UUID) -> Enrolment | None:
        waiting = [
            e
            for e in self._enrolments.values()
            if e.session_id == session_id and e.status is EnrolmentStatus.WAITLISTED
        ]
        return min(waiting, key=lambda e: e.waitlist_position or 0, default=None)

    async def of_session(self, session_id: UUID) -> list[Enrolment]:
        order = {EnrolmentStatus.CONFIRMED: 0, EnrolmentStatus.WAITLISTED: 1, EnrolmentStatus.CANCELLED: 2}
        found = [e for e in self._enrolments.values() if e.session_id == session_id]
        return sorted(
            found,
            key=lambda e: (order[e.status], e.waitlist_position or 0, e.enrolled_at, str(e.enrolment_id)),
        )

    async def of_person(self, person_id: UUID, *, for_update: bool = False) -> list[Enrolment]:
        found = [e for e in self._enrolments.values() if e.person_id == person_id]
        return sorted(found, key=lambda e: (-e.enrolled_at.timestamp(), str(e.enrolment_id)))


class FakeCertificateRepository:
    def __init__(self, tables: TrainingTables) -> None:
        self._certificates = tables.certificates

    async def add(self, certificate: Certificate) -> None:
        self._certificates[certificate.certificate_id] = certificate

    async def save(self, certificate: Certificate) -> None:
        self._certificates[certificate.certificate_id] = certificate

    async def get(self, certificate_id: UUID, *, for_update: bool = False) -> Certificate | None:
        return self._certificates.get(certificate_id)

    async def by_code(self, verification_code: str) -> Certificate | None:
        return next(
            (c for c in self._certificates.values() if c.verification_code == verification_code), None
        )

    async def of_person(self, person_id: UUID, *, for_update: bool = False) -> list[Certificate]:
        found = [c for c in self._certificates.values() if c.person_id == person_id]
        return sorted(found, key=lambda c: (-c.issued_at.timestamp(), str(c.certificate_id)))
