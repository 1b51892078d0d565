"""Training repositories over asyncpg; SQL in training_queries.py, rows mapped by column name."""

from collections.abc import Collection
from typing import Any
from uuid import UUID

import asyncpg

from cloth_shared.errors import Conflict
from knowledge.adapters import training_queries as q
from knowledge.domain.training.certificates import Certificate
from knowledge.domain.training.courses import (
    Audience,
    CompletionRule,
    Course,
    DeliveryMode,
    Language,
    Session,
    SkillArea,
)
from knowledge.domain.training.enrolments import Enrolment, EnrolmentStatus
from knowledge.service_layer.training_ports import CourseFilter


def _course_values(course: Course) -> list[Any]:
    values = {
        **{column: getattr(course, column, None) for column in q.COURSE_COLUMNS},
        "learning_outcomes": list(course.learning_outcomes),
        "modules": list(course.modules),
        "min_attendance_percent": course.completion_rule.min_attendance_percent,
        "assessment_required": course.completion_rule.assessment_required,
    }
    return [values[column] for column in q.COURSE_COLUMNS]


def _course(row: asyncpg.Record) -> Course:
    values = dict(row)
    rule = CompletionRule(values.pop("min_attendance_percent"), values.pop("assessment_required"))
    return Course(
        **values
        | {
            "skill_area": SkillArea(values["skill_area"]),
            "audience": Audience(values["audience"]),
            "language": Language(values["language"]),
            "learning_outcomes": tuple(values["learning_outcomes"]),
            "modules": tuple(values["modules"]),
            "completion_rule": rule,
        }
    )


def _session(row: asyncpg.Record) -> Session:
    values = dict(row)
    return Session(**values | {"mode": DeliveryMode(values["mode"]), "meetings": tuple(values["meetings"])})


def _enrolment(row: asyncpg.Record) -> Enrolment:
    values = dict(row)
    return Enrolment(
        **values | {"status": EnrolmentStatus(values["status"]), "attended": frozenset(values["attended"])}
    )


def _enrolment_values(enrolment: Enrolment) -> list[Any]:
    values = {column: getattr(enrolment, column) for column in q.ENROLMENT_COLUMNS}
    values["attended"] = sorted(enrolment.attended)
    return [values[column] for column in q.ENROLMENT_COLUMNS]


def _names(values: Collection[Any] | None) -> list[str] | None:
    return None if values is None else [str(value) for value in values]


class PostgresCourseRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add_course(self, course: Course) -> None:
        await self._connection.execute(q.ADD_COURSE, *_course_values(course))

    async def get_course(self, course_id: UUID) -> Course | None:
        row = await self._connection.fetchrow(q.GET_COURSE, course_id)
        return None if row is None else _course(row)

    async def courses(self, matching: CourseFilter, *, limit: int, offset: int = 0) -> list[Course]:
        rows = await self._connection.fetch(
            q.COURSES,
            _names(matching.skill_areas),
            _names(matching.audiences),
            _names(matching.languages),
            matching.cluster_id,
            limit,
            offset,
        )
        return [_course(row) for row in rows]

    async def add_session(self, session: Session) -> None:
        values = {column: getattr(session, column) for column in q.SESSION_COLUMNS}
        values["meetings"] = list(session.meetings)
        await self._connection.execute(q.ADD_SESSION, *(values[column] for column in q.SESSION_COLUMNS))

    async def get_session(self, session_id: UUID, *, for_update: bool = False) -> Session | None:
        row = await self._connection.fetchrow(
            q.GET_SESSION_FOR_UPDATE if for_update else q.GET_SESSION, session_id
        )
        return None if row is None else _session(row)

    async def save_session(self, session: Session) -> None:
        await self._connection.execute(
            q.SAVE_SESSION, session.session_id, session.seats_taken, session.waitlist_next
        )

    async def sessions_of(self, course_id: UUID) -> list[Session]:
        return [_session(row) for row in await self._connection.fetch(q.SESSIONS_OF_COURSE, course_id)]


class PostgresEnrolmentRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, enrolment: Enrolment) -> None:
        try:
            await self._connection.execute(q.ADD_ENROLMENT, *_enrolment_values(enrolment))
        except asyncpg.UniqueViolationError as error:
            if error.constraint_name != "training_enrolments_one_active":
                raise
            raise Conflict("you are already enrolled in this session", code="already-enrolled") from None

    async def save(self, enrolment: Enrolment) -> None:
        await self._connection.execute(q.SAVE_ENROLMENT, *_enrolment_values(enrolment))

    async def get(self, enrolment_id: UUID, *, for_update: bool = False) -> Enrolment | None:
        query = q.GET_ENROLMENT_FOR_UPDATE if for_update else q.GET_ENROLMENT
        row = await self._connection.fetchrow(query, enrolment_id)
        return None if row is None else _enrolment(row)

    async def active_of(self, session_id: UUID, person_id: UUID) -> Enrolment | None:
        row = await self._connection.fetchrow(q.ACTIVE_ENROLMENT, session_id, person_id)
        return None if row is None else _enrolment(row)

    async def first_waiting(self, session_id: UUID) -> Enrolment | None:
        row = await self._connection.fetchrow(q.FIRST_WAITING, session_id)
        return None if row is None else _enrolment(row)

    async def of_session(self, session_id: UUID) -> list[Enrolment]:
        return [_enrolment(row) for row in await self._connection.fetch(q.ENROLMENTS_OF_SESSION, session_id)]

    async def of_person(self, person_id: UUID, *, for_update: bool = False) -> list[Enrolment]:
        query = q.ENROLMENTS_OF_PERSON_FOR_UPDATE if for_update else q.ENROLMENTS_OF_PERSON
        return [_enrolment(row) for row in await self._connection.fetch(query, person_id)]


class PostgresCertificateRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, certificate: Certificate) -> None:
        await self._connection.execute(q.ADD_CERTIFICATE, *_certificate_values(certificate))

    async def save(self, certificate: Certificate) -> None:
        await self._connection.execute(q.SAVE_CERTIFICATE, *_certificate_values(certificate))

    async def get(self, certificate_id: UUID, *, for_update: bool = False) -> Certificate | None:
        query = q.GET_CERTIFICATE_FOR_UPDATE if for_update else q.GET_CERTIFICATE
        row = await self._connection.fetchrow(query, certificate_id)
        return None if row is None else Certificate(**dict(row))

    async def by_code(self, verification_code: str) -> Certificate | None:
        row = await self._connection.fetchrow(q.CERTIFICATE_BY_CODE, verification_code)
        return None if row is None else Certificate(**dict(row))

    async def of_person(self, person_id: UUID, *, for_update: bool = False) -> list[Certificate]:
        query = q.CERTIFICATES_OF_PERSON_FOR_UPDATE if for_update else q.CERTIFICATES_OF_PERSON
        return [Certificate(**dict(row)) for row in await self._connection.fetch(query, person_id)]


def _certificate_values(certificate: Certificate) -> list[Any]:
    return [getattr(certificate, column) for column in q.CERTIFICATE_COLUMNS]
