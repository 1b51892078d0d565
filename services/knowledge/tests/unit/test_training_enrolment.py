"""Enrolment: seats while they last, then the waiting list in arrival order; cancellation before
the deadline hands the seat to the first person waiting."""

from datetime import timedelta
from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Principal
from cloth_shared.contracts import knowledge_training as contract
from cloth_shared.errors import Conflict, NotAllowed, NotFound
from knowledge.domain.authors import Author
from knowledge.domain.training.courses import Audience, Session
from knowledge.domain.training.enrolments import EnrolmentStatus
from knowledge.service_layer.training.courses import create_course, schedule_session
from knowledge.service_layer.training.enrolment import cancel, enrol, my_enrolments, roster

from .fakes import FakeKnowledgeUnitOfWork
from .training_world import FIRST_MEETING, NOW, a_course, a_session, admin, manager, member


async def a_scheduled_session(
    uow: FakeKnowledgeUnitOfWork, *, capacity: int = 2, audience: Audience = Audience.MEMBERS
) -> Session:
    course = await create_course(uow, admin(), a_course(audience=audience))
    session = await schedule_session(uow, admin(), a_session(course.course_id, capacity=capacity), at=NOW)
    uow.events.clear()
    return session


async def test_people_take_the_seats_then_wait_in_arrival_order() -> None:
    uow = FakeKnowledgeUnitOfWork()
    session = await a_scheduled_session(uow, capacity=2)
    people = [member() for _ in range(4)]
    enrolments = [await enrol(uow, person, session.session_id, at=NOW) for person in people]

    assert [e.status for e in enrolments] == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    assert [e.waitlist_position for e in enrolments] == [None, None, 1, 2]
    assert [type(event) for event in uow.events] == [contract.EnrolmentConfirmed] * 2 + [
        contract.EnrolmentWaitlisted
    ] * 2
    assert [event.person_id for event in uow.events] == [p.subject for p in people]  # type: ignore[attr-defined]
    assert uow.database.training.sessions[session.session_id].seats_taken == 2


async def test_the_roster_shows_the_name_membership_announced() -> None:
    uow = FakeKnowledgeUnitOfWork()
    session = await a_scheduled_session(uow)
    person = member()
    uow.database.authors[person.subject] = Author(person.subject, "Laia Puig", None, NOW)
    await enrol(uow, person, session.session_id, at=NOW)
    [enrolled] = await roster(uow, admin(), session.session_id)
    assert enrolled.holder_name == "Laia Puig"


async def test_a_person_enrols_once_per_session() -> None:
    uow = FakeKnowledgeUnitOfWork()
    session, person = await a_scheduled_session(uow), member()
    await enrol(uow, person, session.session_id, at=NOW)
    with pytest.raises(Conflict) as refused:
        await enrol(uow, person, session.session_id, at=NOW)
    assert refused.value.code == "already-enrolled"


@pytest.mark.parametrize(
    ("audience", "caller", "allowed"),
    [
        (Audience.MEMBERS, member, True),
        (Audience.MEMBERS, manager, False),
        (Audience.CLUSTER_MANAGERS, manager, True),
        (Audience.CLUSTER_MANAGERS, member, False),
        (Audience.BOTH, member, True),
        (Audience.BOTH, manager, True),
        (Audience.BOTH, admin, False),
    ],
)
async def test_enrolment_follows_the_courses_audience(audience: Audience, caller, allowed: bool) -> None:  # type: ignore[no-untyped-def]
    uow = FakeKnowledgeUnitOfWork()
    session = await a_scheduled_session(uow, audience=audience)
    if allowed:
        assert (await enrol(uow, caller(), session.session_id, at=NOW)).status == "confirmed"
    else:
        with pytest.raises(NotAllowed) as refused:
            await enrol(uow, caller(), session.session_id, at=NOW)
        assert refused.value.code == "not-in-audience"


async def test_enrolment_closes_when_the_session_starts() -> None:
    uow = FakeKnowledgeUnitOfWork()
    session = await a_scheduled_session(uow)
    with pytest.raises(Conflict) as refused:
        await enrol(uow, member(), session.session_id, at=FIRST_MEETING)
    assert refused.value.code == "enrolment-closed"


async def test_a_cancelled_seat_goes_at_once_to_the_first_person_waiting() -> None:
    uow = FakeKnowledgeUnitOfWork()
    session = await a_scheduled_session(uow, capacity=1)
    holder, first, second = member(), member(), member()
    seat = await enrol(uow, holder, session.session_id, at=NOW)
    waiting = await enrol(uow, first, session.session_id, at=NOW)
    await enrol(uow, second, session.session_id, at=NOW)
    uow.events.clear()

    cancelled = await cancel(uow, holder, seat.enrolment_id, at=NOW + timedelta(days=1))

    assert cancelled.status is EnrolmentStatus.CANCELLED
    promoted = uow.database.training.enrolments[waiting.enrolment_id]
    assert (promoted.status, promoted.waitlist_position) == (EnrolmentStatus.CONFIRMED, None)
    assert [type(e) for e in uow.events] == [
        contract.EnrolmentCancelled,
        contract.PlaceOffered,
        contract.EnrolmentConfirmed,
    ]
    assert [e.person_id for e in uow.events] == [holder.subject, first.subject, first.subject]  # type: ignore[attr-defined]
    assert uow.database.training.sessions[session.session_id].seats_taken == 1
    assert [e.person_id for e in await roster(uow, admin(), session.session_id)][:2] == [
        first.subject,
        second.subject,
    ]


async def test_a_cancelled_seat_without_anyone_waiting_is_free_again() -> None:
    uow = FakeKnowledgeUnitOfWork()
    session = await a_scheduled_session(uow, capacity=1)
    holder = member()
    seat = await enrol(uow, holder, session.session_id, at=NOW)
    await cancel(uow, holder, seat.enrolment_id, at=NOW)
    assert uow.database.training.sessions[session.session_id].seats_taken == 0
    assert (await enrol(uow, member(), session.session_id, at=NOW)).status == "confirmed"
    assert (await enrol(uow, holder, session.session_id, at=NOW)).status == "waitlisted"


async def test_leaving_the_waiting_list_frees_no_seat_and_keeps_the_order() -> None:
    uow = FakeKnowledgeUnitOfWork()
    session = await a_scheduled_session(uow, capacity=1)
    holder, first, second = member(), member(), member()
    seat = await enrol(uow, holder, session.session_id, at=NOW)
    leaving = await enrol(uow, first, session.session_id, at=NOW)
    await enrol(uow, second, session.session_id, at=NOW)

    await cancel(uow, first, leaving.enrolment_id, at=NOW)
    assert uow.events[-1] == contract.EnrolmentCancelled(
        session_id=session.session_id,
        course_id=session.course_id,
        enrolment_id=leaving.enrolment_id,
        person_id=first.subject,
        was="waitlisted",
        cancelled_at=NOW,
    )
    await cancel(uow, holder, seat.enrolment_id, at=NOW)
    assert [e.person_id for e in await my_enrolments(uow, second)] == [second.subject]
    assert (await my_enrolments(uow, second))[0].status is EnrolmentStatus.CONFIRMED


async def test_cancelling_after_the_deadline_is_refused() -> None:
    uow = FakeKnowledgeUnitOfWork()
    session, person = await a_scheduled_session(uow), member()
    seat = await enrol(uow, person, session.session_id, at=NOW)
    with pytest.raises(Conflict) as refused:
        await cancel(uow, person, seat.enrolment_id, at=session.cancellation_deadline + timedelta(seconds=1))
    assert refused.value.code == "cancellation-deadline-passed"
    assert uow.database.training.enrolments[seat.enrolment_id].status is EnrolmentStatus.CONFIRMED


async def test_only_the_enrolled_person_cancels_and_only_once() -> None:
    uow = FakeKnowledgeUnitOfWork()
    session, person = await a_scheduled_session(uow), member()
    seat = await enrol(uow, person, session.session_id, at=NOW)
    for stranger in (member(), admin(), Principal(uuid4())):
        with pytest.raises(NotFound):
            await cancel(uow, stranger, seat.enrolment_id, at=NOW)
    await cancel(uow, person, seat.enrolment_id, at=NOW)
    with pytest.raises(Conflict) as refused:
        await cancel(uow, person, seat.enrolment_id, at=NOW)
    assert refused.value.code == "enrolment-not-active"


async def test_the_roster_is_for_the_trainer_the_clusters_managers_and_administrators() -> None:
    uow = FakeKnowledgeUnitOfWork()
    session = await a_scheduled_session(uow)
    trainer = Principal(session.trainer_id)
    for allowed in (trainer, manager(), admin()):
        assert await roster(uow, allowed, session.session_id) == []
    for refused in (member(), manager(uuid4())):
        with pytest.raises(NotAllowed):
            await roster(uow, refused, session.session_id)
