"""Training requests follow the input policy: hidden characters, loose numbers and times without a
zone are a 422 problem naming the field, never a 500."""

from typing import Any

import pytest

from .training_api import Training, as_, course_body, member, session_body, training

pytestmark = pytest.mark.integration

__all__ = ["training"]


@pytest.mark.parametrize(
    "change",
    [
        {"title": "Circular\x00design"},
        {"title": "Circular\u202edesign"},
        {"modules": ["Design\x07"]},
        {"skill_area": "astrology"},
        {"language": "de"},
        {"completion_rule": {"min_attendance_percent": "75"}},
        {"completion_rule": {"min_attendance_percent": 0}},
        {"unexpected": "field"},
    ],
)
async def test_a_malformed_course_is_a_422(training: Training, change: dict[str, Any]) -> None:
    answer = await training.client.post(
        "/training/courses", json=course_body(**change), headers=as_(training.boss)
    )
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    "change",
    [
        {"capacity": "20"},
        {"capacity": True},
        {"meetings": ["2027-03-01T09:00:00"]},
        {"meetings": []},
        {"place": "Igualada\x00"},
    ],
)
async def test_a_malformed_session_is_a_422(training: Training, change: dict[str, Any]) -> None:
    course = await training.course()
    answer = await training.client.post(
        f"/training/courses/{course['course_id']}/sessions",
        json=session_body(training.trainer.subject, **change),
        headers=as_(training.boss),
    )
    assert answer.status_code == 422, answer.text


async def test_an_on_site_session_without_a_place_is_refused_with_its_code(training: Training) -> None:
    course = await training.course()
    answer = await training.client.post(
        f"/training/courses/{course['course_id']}/sessions",
        json=session_body(training.trainer.subject, mode="on_site"),
        headers=as_(training.boss),
    )
    assert (answer.status_code, answer.json()["code"]) == (422, "place-required")


async def test_attendance_names_meetings_by_strict_numbers(training: Training) -> None:
    session = await training.scheduled()
    seat = (await training.enrol(session["session_id"], member())).json()
    url = f"/training/enrolments/{seat['enrolment_id']}/attendance"
    for body in ({"attended": ["0"]}, {"attended": [0], "assessment_passed": "yes"}, {"attended": [9]}):
        answer = await training.client.put(url, json=body, headers=as_(training.trainer))
        assert answer.status_code == 422, (body, answer.text)
