"""Courses and sessions: who creates and schedules them, what a session must say, suggestions."""

from dataclasses import replace
from datetime import timedelta

import pytest

from cloth_shared.contracts.knowledge_training import CourseScheduled
from cloth_shared.errors import InvalidInput, NotAllowed, NotFound
from knowledge.domain.training.courses import Audience, CompletionRule, DeliveryMode, Language, SkillArea
from knowledge.service_layer.training.courses import (
    course_with_sessions,
    create_course,
    schedule_session,
    suggested_courses,
)

from .fakes import FakeKnowledgeUnitOfWork
from .training_world import FIRST_MEETING, NOW, OTHER_CLUSTER, a_course, a_session, admin, manager, member


async def test_a_cluster_manager_creates_and_schedules_courses_of_their_own_cluster() -> None:
    uow, boss = FakeKnowledgeUnitOfWork(), manager()
    course = await create_course(uow, boss, a_course())
    session = await schedule_session(uow, boss, a_session(course.course_id, capacity=12), at=NOW)

    assert (await course_with_sessions(uow, course.course_id)).sessions == [session]
    [scheduled] = uow.events
    assert isinstance(scheduled, CourseScheduled)
    assert (scheduled.session_id, scheduled.session.capacity, scheduled.course.title) == (
        session.session_id,
        12,
        "Circular design for textile SMEs",
    )


async def test_an_administrator_runs_courses_of_any_cluster() -> None:
    uow = FakeKnowledgeUnitOfWork()
    course = await create_course(uow, admin(), a_course(cluster_id=OTHER_CLUSTER))
    await schedule_session(uow, admin(), a_session(course.course_id), at=NOW)
    assert len(uow.events) == 1


async def test_members_and_other_clusters_managers_neither_create_nor_schedule() -> None:
    uow = FakeKnowledgeUnitOfWork()
    with pytest.raises(NotAllowed):
        await create_course(uow, member(), a_course())
    with pytest.raises(NotAllowed):
        await create_course(uow, manager(OTHER_CLUSTER), a_course())
    course = await create_course(uow, manager(), a_course())
    with pytest.raises(NotAllowed):
        await schedule_session(uow, manager(OTHER_CLUSTER), a_session(course.course_id), at=NOW)
    assert uow.events == []


async def test_a_session_of_an_unknown_course_is_not_found() -> None:
    from uuid import uuid4

    with pytest.raises(NotFound):
        await schedule_session(FakeKnowledgeUnitOfWork(), admin(), a_session(uuid4()), at=NOW)


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"mode": DeliveryMode.ON_SITE, "place": None}, "place-required"),
        ({"cancellation_deadline": FIRST_MEETING + timedelta(hours=1)}, "invalid-deadline"),
        ({"meetings": (NOW - timedelta(days=1),)}, "session-in-the-past"),
        ({"meetings": ()}, "no-meetings"),
        ({"capacity": 0}, "invalid-capacity"),
    ],
)
async def test_a_session_that_could_not_run_as_stated_is_refused(change: dict, code: str) -> None:  # type: ignore[type-arg]
    uow = FakeKnowledgeUnitOfWork()
    course = await create_course(uow, admin(), a_course())
    with pytest.raises(InvalidInput) as refused:
        await schedule_session(uow, admin(), replace(a_session(course.course_id), **change), at=NOW)
    assert refused.value.code == code


async def test_an_online_session_keeps_no_place_and_meetings_come_in_order() -> None:
    uow = FakeKnowledgeUnitOfWork()
    course = await create_course(uow, admin(), a_course())
    command = replace(a_session(course.course_id), place="Igualada")
    command = replace(command, meetings=tuple(reversed(command.meetings)))
    session = await schedule_session(uow, admin(), command, at=NOW)
    assert session.place is None
    assert list(session.meetings) == sorted(command.meetings)


def test_a_completion_rule_is_a_percentage_from_1_to_100() -> None:
    with pytest.raises(InvalidInput):
        CompletionRule(0)
    with pytest.raises(InvalidInput):
        CompletionRule(101)


async def test_suggested_courses_match_the_audience_language_and_skill_areas() -> None:
    uow = FakeKnowledgeUnitOfWork()
    wanted = [
        a_course(title="A green course for members"),
        a_course(title="B digital course for everyone", audience=Audience.BOTH, skill_area=SkillArea.DIGITAL),
    ]
    unwanted = [
        a_course(title="C for managers", audience=Audience.CLUSTER_MANAGERS),
        a_course(title="D in Bulgarian", language=Language.BG),
        a_course(title="E management", skill_area=SkillArea.MANAGEMENT),
    ]
    for command in wanted + unwanted:
        await create_course(uow, admin(), command)

    found = await suggested_courses(
        uow,
        audience=Audience.MEMBERS,
        languages=[Language.EN, Language.ES],
        skill_areas=[SkillArea.GREEN, SkillArea.DIGITAL],
    )
    assert [course.title for course in found] == [command.title for command in wanted]
    anything = await suggested_courses(uow, audience=Audience.CLUSTER_MANAGERS, languages=[Language.EN])
    assert [c.title for c in anything] == ["B digital course for everyone", "C for managers"]
