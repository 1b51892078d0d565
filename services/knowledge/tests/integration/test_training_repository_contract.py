"""The fake and the PostgreSQL training repositories keep the same promises (same cases on both)."""

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest

from cloth_shared.errors import Conflict
from cloth_shared.outbox.writer import OutboxWriter
from cloth_shared.testing.examples import MODACC
from knowledge.adapters.unit_of_work import PostgresKnowledgeUnitOfWork
from knowledge.bootstrap import MIGRATIONS
from knowledge.domain.training.certificates import Certificate, erase_holder
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
from knowledge.service_layer.ports import KnowledgeUnitOfWork
from knowledge.service_layer.training_ports import CourseFilter

from ..unit.fakes import FakeKnowledgeUnitOfWork

pytestmark = pytest.mark.integration

UnitOfWorkFactory = Callable[[], KnowledgeUnitOfWork]
NOON = datetime(2027, 3, 1, 12, tzinfo=UTC)


@pytest.fixture(params=["fake", "postgres"])
async def new_uow(request: pytest.FixtureRequest, migrated_pool) -> UnitOfWorkFactory:  # type: ignore[no-untyped-def]
    if request.param == "fake":
        fake = FakeKnowledgeUnitOfWork()
        return lambda: fake
    pool = await migrated_pool(MIGRATIONS)
    return lambda: PostgresKnowledgeUnitOfWork(pool, OutboxWriter(producer="knowledge"))


def a_course(title: str, **overrides) -> Course:  # type: ignore[no-untyped-def]
    values: dict[str, Any] = {
        "course_id": uuid4(),
        "cluster_id": MODACC,
        "title": title,
        "skill_area": SkillArea.GREEN,
        "audience": Audience.MEMBERS,
        "language": Language.CA,
        "learning_outcomes": ("Dissenyar per desmuntar",),
        "modules": ("Per què", "Com"),
        "completion_rule": CompletionRule(75, assessment_required=True),
        "created_by": uuid4(),
        "created_at": NOON,
    }
    return Course(**values | overrides)


def a_session(course: Course) -> Session:
    return Session(
        session_id=uuid4(),
        course_id=course.course_id,
        mode=DeliveryMode.ON_SITE,
        place="Igualada",
        meetings=(NOON, NOON + timedelta(days=7)),
        capacity=3,
        trainer_id=uuid4(),
        cancellation_deadline=NOON - timedelta(days=1),
        scheduled_by=uuid4(),
        scheduled_at=NOON - timedelta(days=30),
    )


def an_enrolment(session: Session, status: EnrolmentStatus, position: int | None = None) -> Enrolment:
    return Enrolment(
        enrolment_id=uuid4(),
        session_id=session.session_id,
        course_id=session.course_id,
        person_id=uuid4(),
        status=status,
        enrolled_at=NOON - timedelta(days=10),
        holder_name="Laia Puig",
        waitlist_position=position,
    )


async def test_courses_and_sessions_are_read_back_and_filtered(new_uow: UnitOfWorkFactory) -> None:
    green, digital = (
        a_course("B green"),
        a_course("A digital", skill_area=SkillArea.DIGITAL, language=Language.BG),
    )
    session = a_session(green)
    async with new_uow() as uow:
        for course in (green, digital):
            await uow.courses.add_course(course)
        await uow.courses.add_session(session)
        await uow.courses.save_session(replace(session, seats_taken=2, waitlist_next=4))
        await uow.commit()
    async with new_uow() as uow:
        assert await uow.courses.get_course(green.course_id) == green
        assert await uow.courses.courses(CourseFilter(), limit=10) == [digital, green]
        assert await uow.courses.courses(CourseFilter(languages=[Language.CA]), limit=10) == [green]
        assert await uow.courses.courses(CourseFilter(skill_areas=[SkillArea.DIGITAL]), limit=10) == [digital]
        assert await uow.courses.courses(CourseFilter(), limit=1, offset=1) == [green]
        saved = await uow.courses.get_session(session.session_id, for_update=True)
        assert saved == replace(session, seats_taken=2, waitlist_next=4)
        assert await uow.courses.sessions_of(green.course_id) == [saved]


async def test_the_first_waiting_is_the_lowest_arrival_number_and_one_active_enrolment_per_person(
    new_uow: UnitOfWorkFactory,
) -> None:
    course = a_course("Green")
    session = a_session(course)
    seat = an_enrolment(session, EnrolmentStatus.CONFIRMED)
    second, first = (an_enrolment(session, EnrolmentStatus.WAITLISTED, n) for n in (2, 1))
    async with new_uow() as uow:
        await uow.courses.add_course(course)
        await uow.courses.add_session(session)
        for enrolment in (seat, second, first):
            await uow.enrolments.add(enrolment)
        await uow.commit()
    async with new_uow() as uow:
        assert await uow.enrolments.first_waiting(session.session_id) == first
        assert await uow.enrolments.of_session(session.session_id) == [seat, first, second]
        assert await uow.enrolments.active_of(session.session_id, seat.person_id) == seat
        attended = replace(seat, attended=frozenset({0, 1}), completed_at=NOON, assessment_passed=True)
        await uow.enrolments.save(attended)
        assert await uow.enrolments.of_person(seat.person_id, for_update=True) == [attended]
        with pytest.raises(Conflict):
            await uow.enrolments.add(
                replace(an_enrolment(session, EnrolmentStatus.CONFIRMED), person_id=seat.person_id)
            )


async def test_certificates_are_found_by_code_and_holder(new_uow: UnitOfWorkFactory) -> None:
    course = a_course("Green")
    session = a_session(course)
    seat = replace(an_enrolment(session, EnrolmentStatus.CONFIRMED), completed_at=NOON)
    certificate = Certificate(
        certificate_id=uuid4(),
        enrolment_id=seat.enrolment_id,
        session_id=session.session_id,
        course_id=course.course_id,
        person_id=seat.person_id,
        verification_code="7KQ2M4XJ5N3P6R2T4V5W6X7Y2Z",
        holder_name="Laia Puig",
        course_title=course.title,
        completed_on=date(2027, 3, 8),
        issued_at=NOON,
    )
    async with new_uow() as uow:
        await uow.courses.add_course(course)
        await uow.courses.add_session(session)
        await uow.enrolments.add(seat)
        await uow.certificates.add(certificate)
        await uow.commit()
    async with new_uow() as uow:
        assert await uow.certificates.by_code(certificate.verification_code) == certificate
        assert await uow.certificates.by_code("A" * 26) is None
        await uow.certificates.save(erase_holder(certificate))
        await uow.commit()
    async with new_uow() as uow:
        assert await uow.certificates.of_person(seat.person_id) == [erase_holder(certificate)]
        assert await uow.certificates.get(certificate.certificate_id, for_update=True) == erase_holder(
            certificate
        )
