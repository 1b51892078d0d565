"""Use cases of courses and their sessions: create, schedule, the catalogue, suggestions."""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotFound
from knowledge.domain.training import access
from knowledge.domain.training import courses as rules
from knowledge.domain.training.courses import (
    Audience,
    CompletionRule,
    Course,
    DeliveryMode,
    Language,
    Session,
    SkillArea,
)
from knowledge.service_layer.ports import KnowledgeUnitOfWork
from knowledge.service_layer.training import events
from knowledge.service_layer.training_ports import CourseFilter


@dataclass(frozen=True, slots=True)
class CreateCourse:
    cluster_id: UUID
    title: str
    skill_area: SkillArea
    audience: Audience
    language: Language
    learning_outcomes: tuple[str, ...]
    modules: tuple[str, ...]
    completion_rule: CompletionRule


@dataclass(frozen=True, slots=True)
class ScheduleSession:
    course_id: UUID
    mode: DeliveryMode
    place: str | None
    meetings: tuple[datetime, ...]
    capacity: int
    trainer_id: UUID
    cancellation_deadline: datetime


@dataclass(frozen=True, slots=True)
class CourseWithSessions:
    course: Course
    sessions: list[Session]


async def create_course(uow: KnowledgeUnitOfWork, caller: Principal, command: CreateCourse) -> Course:
    """A cluster manager adds a course to their cluster's programme (administrators to any)."""
    access.check_runs_programme_of(caller, command.cluster_id)
    course = Course(
        course_id=uuid4(),
        created_by=caller.subject,
        created_at=datetime.now(UTC),
        cluster_id=command.cluster_id,
        title=command.title,
        skill_area=command.skill_area,
        audience=command.audience,
        language=command.language,
        learning_outcomes=command.learning_outcomes,
        modules=command.modules,
        completion_rule=command.completion_rule,
    )
    async with uow:
        await uow.courses.add_course(course)
        await uow.commit()
    return course


async def schedule_session(
    uow: KnowledgeUnitOfWork, caller: Principal, command: ScheduleSession, *, at: datetime | None = None
) -> Session:
    """Schedule a run of a course; CourseScheduled invites people to enrol."""
    at = at or datetime.now(UTC)
    async with uow:
        course = await _course(uow, command.course_id)
        access.check_runs_programme_of(caller, course.cluster_id)
        session = rules.schedule(
            Session(
                session_id=uuid4(),
                course_id=course.course_id,
                mode=command.mode,
                place=command.place,
                meetings=command.meetings,
                capacity=command.capacity,
                trainer_id=command.trainer_id,
                cancellation_deadline=command.cancellation_deadline,
                scheduled_by=caller.subject,
                scheduled_at=at,
            ),
            at=at,
        )
        await uow.courses.add_session(session)
        uow.emit(events.course_scheduled(course, session))
        await uow.commit()
    return session


async def catalogue(
    uow: KnowledgeUnitOfWork, matching: CourseFilter, *, limit: int, offset: int = 0
) -> list[Course]:
    """The public course catalogue, filtered, in title order."""
    async with uow.reading():
        return await uow.courses.courses(matching, limit=limit, offset=offset)


async def course_with_sessions(uow: KnowledgeUnitOfWork, course_id: UUID) -> CourseWithSessions:
    async with uow.reading():
        course = await _course(uow, course_id)
        return CourseWithSessions(course, await uow.courses.sessions_of(course_id))


async def suggested_courses(
    uow: KnowledgeUnitOfWork,
    *,
    audience: Audience,
    languages: Collection[Language],
    skill_areas: Collection[SkillArea] | None = None,
    limit: int = 10,
) -> list[Course]:
    """Courses for a learning plan: open to `audience` (courses for both audiences included), in
    one of `languages`, in one of `skill_areas` when given; in title order."""
    audiences = {audience, Audience.BOTH}
    matching = CourseFilter(skill_areas=skill_areas, audiences=audiences, languages=languages)
    async with uow.reading():
        return await uow.courses.courses(matching, limit=limit)


async def _course(uow: KnowledgeUnitOfWork, course_id: UUID) -> Course:
    course = await uow.courses.get_course(course_id)
    if course is None:
        raise NotFound("no such course", code="course-not-found")
    return course
