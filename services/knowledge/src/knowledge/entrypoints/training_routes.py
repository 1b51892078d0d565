"""Training HTTP API: the course catalogue, scheduling, enrolment and the waiting list."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, status

from cloth_shared.auth.fastapi import Caller
from cloth_shared.bodies import JsonRoute
from cloth_shared.openapi import problem_responses
from cloth_shared.pagination import Limit, Offset
from knowledge.domain.training.courses import Audience, Language, SkillArea
from knowledge.entrypoints.dependencies import UoW
from knowledge.entrypoints.training_schemas import CourseCreate, SessionCreate
from knowledge.entrypoints.training_views import CourseDetail, CoursePublic, EnrolmentPublic, SessionPublic
from knowledge.service_layer.training import courses, enrolment
from knowledge.service_layer.training_ports import CourseFilter

router = APIRouter(prefix="/training", tags=["training"], route_class=JsonRoute)


@router.post(
    "/courses",
    status_code=status.HTTP_201_CREATED,
    response_model=CoursePublic,
    summary="Add a course to a cluster's programme (that cluster's managers, administrators).",
    responses=problem_responses(401, 403, 413, 415, 422),
)
async def create_course(body: CourseCreate, caller: Caller, uow: UoW) -> CoursePublic:
    return CoursePublic.of(await courses.create_course(uow, caller, body.command()))


@router.get(
    "/courses",
    response_model=list[CoursePublic],
    summary="The course catalogue, in title order (public).",
    responses=problem_responses(422),
)
async def catalogue(
    uow: UoW,
    limit: Limit = 20,
    offset: Offset = 0,
    skill_area: Annotated[list[SkillArea] | None, Query()] = None,
    audience: Annotated[list[Audience] | None, Query()] = None,
    language: Annotated[list[Language] | None, Query()] = None,
) -> list[CoursePublic]:
    matching = CourseFilter(skill_areas=skill_area, audiences=audience, languages=language)
    return [CoursePublic.of(c) for c in await courses.catalogue(uow, matching, limit=limit, offset=offset)]


@router.get(
    "/courses/{course_id}",
    response_model=CourseDetail,
    summary="A course with its sessions and the seats left in each (public).",
    responses=problem_responses(404, 422),
)
async def course(course_id: UUID, uow: UoW) -> CourseDetail:
    found = await courses.course_with_sessions(uow, course_id)
    sessions = [SessionPublic.of(s) for s in found.sessions]
    return CourseDetail(**CoursePublic.of(found.course).model_dump(), sessions=sessions)


@router.post(
    "/courses/{course_id}/sessions",
    status_code=status.HTTP_201_CREATED,
    response_model=SessionPublic,
    summary="Schedule a session of the course (the course's cluster managers, administrators).",
    responses=problem_responses(401, 403, 404, 413, 415, 422),
)
async def schedule_session(course_id: UUID, body: SessionCreate, caller: Caller, uow: UoW) -> SessionPublic:
    return SessionPublic.of(await courses.schedule_session(uow, caller, body.command(course_id)))


@router.post(
    "/sessions/{session_id}/enrolments",
    status_code=status.HTTP_201_CREATED,
    response_model=EnrolmentPublic,
    summary="Enrol the caller: a seat, or the waiting list when full (signed in, in the audience).",
    description="`status` says which: `confirmed` or `waitlisted` with the arrival number.",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def enrol(session_id: UUID, caller: Caller, uow: UoW) -> EnrolmentPublic:
    return EnrolmentPublic.of(await enrolment.enrol(uow, caller, session_id))


@router.post(
    "/enrolments/{enrolment_id}/cancellation",
    response_model=EnrolmentPublic,
    summary="Give up one's place before the cancellation deadline (the enrolled person).",
    description="A freed seat goes at once to the first person waiting. After the deadline: "
    "409 `cancellation-deadline-passed`.",
    responses=problem_responses(401, 404, 409, 422),
)
async def cancel(enrolment_id: UUID, caller: Caller, uow: UoW) -> EnrolmentPublic:
    return EnrolmentPublic.of(await enrolment.cancel(uow, caller, enrolment_id))


@router.get(
    "/enrolments/mine",
    response_model=list[EnrolmentPublic],
    summary="The caller's enrolments, newest first (signed in).",
    responses=problem_responses(401),
)
async def my_enrolments(caller: Caller, uow: UoW) -> list[EnrolmentPublic]:
    return [EnrolmentPublic.of(e) for e in await enrolment.my_enrolments(uow, caller)]


@router.get(
    "/sessions/{session_id}/enrolments",
    response_model=list[EnrolmentPublic],
    summary="A session's enrolments, seats then waiting list (trainer, cluster managers, administrators).",
    responses=problem_responses(401, 403, 404, 422),
)
async def session_roster(session_id: UUID, caller: Caller, uow: UoW) -> list[EnrolmentPublic]:
    return [EnrolmentPublic.of(e) for e in await enrolment.roster(uow, caller, session_id)]
