"""What the training use cases need from storage: courses, sessions, enrolments, certificates."""

from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol
from uuid import UUID

from knowledge.domain.training.certificates import Certificate
from knowledge.domain.training.courses import Audience, Course, Language, Session, SkillArea
from knowledge.domain.training.enrolments import Enrolment


@dataclass(frozen=True, slots=True)
class CourseFilter:
    """Catalogue filters; None means any. Matching courses come in title order."""

    skill_areas: Collection[SkillArea] | None = None
    audiences: Collection[Audience] | None = None
    languages: Collection[Language] | None = None
    cluster_id: UUID | None = None


class CourseRepository(Protocol):
    async def add_course(self, course: Course) -> None: ...

    async def get_course(self, course_id: UUID) -> Course | None: ...

    async def courses(self, matching: CourseFilter, *, limit: int, offset: int = 0) -> list[Course]: ...

    async def add_session(self, session: Session) -> None: ...

    async def get_session(self, session_id: UUID, *, for_update: bool = False) -> Session | None:
        """`for_update` locks the session row: enrolments on it then wait their turn."""

    async def save_session(self, session: Session) -> None:
        """Store the seat count and the next waiting-list number."""

    async def sessions_of(self, course_id: UUID) -> list[Session]:
        """In order of their first meeting."""


class EnrolmentRepository(Protocol):
    async def add(self, enrolment: Enrolment) -> None:
        """Refused (Conflict `already-enrolled`) when the person has an active enrolment there."""

    async def save(self, enrolment: Enrolment) -> None: ...

    async def get(self, enrolment_id: UUID, *, for_update: bool = False) -> Enrolment | None: ...

    async def active_of(self, session_id: UUID, person_id: UUID) -> Enrolment | None: ...

    async def first_waiting(self, session_id: UUID) -> Enrolment | None:
        """The waiting enrolment with the lowest arrival number."""

    async def of_session(self, session_id: UUID) -> list[Enrolment]:
        """Confirmed first, then waiting in arrival order, then cancelled."""

    async def of_person(self, person_id: UUID, *, for_update: bool = False) -> list[Enrolment]:
        """Newest first."""


class CertificateRepository(Protocol):
    async def add(self, certificate: Certificate) -> None: ...

    async def save(self, certificate: Certificate) -> None: ...

    async def get(self, certificate_id: UUID, *, for_update: bool = False) -> Certificate | None: ...

    async def by_code(self, verification_code: str) -> Certificate | None: ...

    async def of_person(self, person_id: UUID, *, for_update: bool = False) -> list[Certificate]:
        """Newest first."""
