"""Use cases of enrolment: enrol, cancel (promoting the first person waiting), and the lists."""

from datetime import UTC, datetime
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import Conflict, NotFound
from knowledge.domain.training import access
from knowledge.domain.training import enrolments as rules
from knowledge.domain.training.courses import Course, Session
from knowledge.domain.training.enrolments import Enrolment
from knowledge.service_layer.ports import KnowledgeUnitOfWork
from knowledge.service_layer.training import events


async def enrol(
    uow: KnowledgeUnitOfWork, caller: Principal, session_id: UUID, *, at: datetime | None = None
) -> Enrolment:
    """The caller takes a seat, or the next place on the waiting list when the session is full."""
    at = at or datetime.now(UTC)
    async with uow:
        # The lock makes concurrent enrolments on one session take their turn: seats and
        # arrival numbers are counted on the row, never by counting enrolments first.
        session, course = await locked_session(uow, session_id)
        access.check_in_audience(caller, course)
        if await uow.enrolments.active_of(session_id, caller.subject) is not None:
            raise Conflict("you are already enrolled in this session", code="already-enrolled")
        author = await uow.authors.get(caller.subject)
        fact = rules.enrol(
            session,
            enrolment_id=uuid4(),
            person_id=caller.subject,
            holder_name=None if author is None or author.erased else author.display_name,
            at=at,
        )
        await uow.courses.save_session(fact.session)
        await uow.enrolments.add(fact.enrolment)
        uow.emit(events.enrolled(fact))
        await uow.commit()
    return fact.enrolment


async def cancel(
    uow: KnowledgeUnitOfWork, caller: Principal, enrolment_id: UUID, *, at: datetime | None = None
) -> Enrolment:
    """The enrolled person gives up their place before the deadline; a freed seat goes at once to
    the first person waiting (PlaceOffered, then EnrolmentConfirmed)."""
    at = at or datetime.now(UTC)
    async with uow:
        found = await uow.enrolments.get(enrolment_id)
        if found is None or found.person_id != caller.subject:
            raise NotFound("no such enrolment of yours", code="enrolment-not-found")
        # The session first, then enrolments: the order enrolment and promotion lock in too.
        session, _ = await locked_session(uow, found.session_id)
        enrolment = await uow.enrolments.get(enrolment_id, for_update=True)
        assert enrolment is not None
        outcome = rules.cancel(
            session, enrolment, first_waiting=await uow.enrolments.first_waiting(session.session_id), at=at
        )
        await uow.enrolments.save(outcome.cancelled)
        uow.emit(events.cancelled(outcome))
        if outcome.promoted is not None:
            await uow.enrolments.save(outcome.promoted)
            for event in events.promoted(outcome.promoted):
                uow.emit(event)
        await uow.courses.save_session(outcome.session)
        await uow.commit()
    return outcome.cancelled


async def my_enrolments(uow: KnowledgeUnitOfWork, caller: Principal) -> list[Enrolment]:
    async with uow.reading():
        return await uow.enrolments.of_person(caller.subject)


async def roster(uow: KnowledgeUnitOfWork, caller: Principal, session_id: UUID) -> list[Enrolment]:
    """A session's enrolments, for its trainer, its course's cluster managers and administrators."""
    async with uow.reading():
        session = await uow.courses.get_session(session_id)
        course = None if session is None else await uow.courses.get_course(session.course_id)
        if session is None or course is None:
            raise NotFound("no such session", code="session-not-found")
        access.check_sees_roster(caller, course, session)
        return await uow.enrolments.of_session(session_id)


async def locked_session(uow: KnowledgeUnitOfWork, session_id: UUID) -> tuple[Session, Course]:
    session = await uow.courses.get_session(session_id, for_update=True)
    course = None if session is None else await uow.courses.get_course(session.course_id)
    if session is None or course is None:
        raise NotFound("no such session", code="session-not-found")
    return session, course
