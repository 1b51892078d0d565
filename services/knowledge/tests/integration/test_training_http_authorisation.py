"""Every training endpoint's authorisation rule over HTTP: who is allowed, who is refused."""

from typing import Any

import pytest

from cloth_shared.auth.principal import Principal

from .training_api import (
    OTHER_CLUSTER,
    Training,
    admin,
    as_,
    course_body,
    manager,
    member,
    session_body,
    training,
)

pytestmark = pytest.mark.integration

__all__ = ["training"]


async def status(training: Training, method: str, url: str, who: Principal | None, body: Any = None) -> int:
    headers = {} if who is None else as_(who)
    answer = await training.client.request(method, url, headers=headers, json=body)
    return answer.status_code


async def test_courses_are_created_by_their_clusters_managers_and_administrators(training: Training) -> None:
    body = course_body()
    assert await status(training, "POST", "/training/courses", training.boss, body) == 201
    assert await status(training, "POST", "/training/courses", admin(), body) == 201
    assert await status(training, "POST", "/training/courses", manager(OTHER_CLUSTER), body) == 403
    assert await status(training, "POST", "/training/courses", member(), body) == 403
    assert await status(training, "POST", "/training/courses", None, body) == 401


async def test_sessions_are_scheduled_by_the_courses_cluster_managers_and_administrators(
    training: Training,
) -> None:
    url = f"/training/courses/{(await training.course())['course_id']}/sessions"
    body = session_body(training.trainer.subject)
    assert await status(training, "POST", url, training.boss, body) == 201
    assert await status(training, "POST", url, admin(), body) == 201
    for refused in (manager(OTHER_CLUSTER), member(), training.trainer):
        assert await status(training, "POST", url, refused, body) == 403
    assert await status(training, "POST", url, None, body) == 401


async def test_the_catalogue_and_a_course_are_public(training: Training) -> None:
    course = await training.course()
    await training.session(course["course_id"])
    assert await status(training, "GET", "/training/courses?language=en&skill_area=green", None) == 200
    detail = await training.client.get(f"/training/courses/{course['course_id']}")
    assert (
        detail.status_code,
        len(detail.json()["sessions"]),
        detail.json()["sessions"][0]["seats_left"],
    ) == (
        200,
        1,
        2,
    )


async def test_enrolment_is_for_signed_in_people_of_the_courses_audience(training: Training) -> None:
    members_only = await training.scheduled()
    url = f"/training/sessions/{members_only['session_id']}/enrolments"
    assert await status(training, "POST", url, member(), None) == 201
    assert await status(training, "POST", url, manager(), None) == 403
    assert await status(training, "POST", url, None, None) == 401


async def test_only_the_enrolled_person_cancels_and_lists_their_enrolments(training: Training) -> None:
    session, person = await training.scheduled(), member()
    seat = (await training.enrol(session["session_id"], person)).json()
    url = f"/training/enrolments/{seat['enrolment_id']}/cancellation"
    assert await status(training, "POST", url, member(), None) == 404
    assert await status(training, "POST", url, admin(), None) == 404
    assert await status(training, "POST", url, None, None) == 401
    assert await status(training, "POST", url, person, None) == 200
    assert await status(training, "GET", "/training/enrolments/mine", person) == 200
    assert await status(training, "GET", "/training/enrolments/mine", None) == 401


async def test_the_roster_is_for_the_trainer_the_clusters_managers_and_administrators(
    training: Training,
) -> None:
    url = f"/training/sessions/{(await training.scheduled())['session_id']}/enrolments"
    for allowed in (training.trainer, training.boss, admin()):
        assert await status(training, "GET", url, allowed) == 200
    for refused in (member(), manager(OTHER_CLUSTER)):
        assert await status(training, "GET", url, refused) == 403
    assert await status(training, "GET", url, None) == 401


async def test_attendance_is_recorded_by_the_trainer_or_the_courses_cluster_managers(
    training: Training,
) -> None:
    session, person = await training.scheduled(), member()
    seat = (await training.enrol(session["session_id"], person)).json()
    assert (await training.attend(seat["enrolment_id"], [0], by=training.boss)).status_code == 200
    assert (await training.attend(seat["enrolment_id"], [0], by=training.trainer)).status_code == 200
    for refused in (person, admin(), manager(OTHER_CLUSTER)):
        assert (await training.attend(seat["enrolment_id"], [0], by=refused)).status_code == 403
    url = f"/training/enrolments/{seat['enrolment_id']}/attendance"
    assert await status(training, "PUT", url, None, {"attended": [0]}) == 401


async def test_certificates_are_downloaded_by_their_holder_revoked_by_managers_verified_by_anyone(
    training: Training,
) -> None:
    holders = [member(), member()]
    session = await training.scheduled()
    certificates: list[dict[str, Any]] = []
    for holder in holders:
        seat = (await training.enrol(session["session_id"], holder)).json()
        await training.attend(seat["enrolment_id"], [0, 1])
        [certificate] = (await training.client.get("/training/certificates/mine", headers=as_(holder))).json()
        certificates.append(certificate)
    first, second = certificates
    assert await status(training, "GET", "/training/certificates/mine", None) == 401

    pdf = f"/training/certificates/{first['certificate_id']}/pdf"
    assert await status(training, "GET", pdf, holders[0]) == 200
    for refused in (holders[1], admin(), training.boss):
        assert await status(training, "GET", pdf, refused) == 404
    assert await status(training, "GET", pdf, None) == 401

    reason = {"reason": "a mistake"}
    revoke_first = f"/training/certificates/{first['certificate_id']}/revocation"
    for refused in (holders[0], training.trainer, member(), manager(OTHER_CLUSTER)):
        assert await status(training, "POST", revoke_first, refused, reason) == 403
    assert await status(training, "POST", revoke_first, None, reason) == 401
    assert await status(training, "POST", revoke_first, training.boss, reason) == 200
    revoke_second = f"/training/certificates/{second['certificate_id']}/revocation"
    assert await status(training, "POST", revoke_second, admin(), reason) == 200

    assert await status(training, "GET", f"/certificates/verify/{first['verification_code']}", None) == 200
    typed_by_hand = first["verification_code"].lower()
    assert await status(training, "GET", f"/certificates/verify/{typed_by_hand}", None) == 200
    assert await status(training, "GET", "/certificates/verify/AAAAAAAAAAAAAAAAAAAAAAAAAA", None) == 404
    assert await status(training, "GET", "/certificates/verify/not-a-code", None) == 422


async def test_the_openapi_document_declares_the_pdf_and_the_problem_answers(training: Training) -> None:
    paths = (await training.client.get("/openapi.json")).json()["paths"]
    pdf = paths["/training/certificates/{certificate_id}/pdf"]["get"]["responses"]
    assert "application/pdf" in pdf["200"]["content"]
    assert {"401", "404"} <= set(pdf)
    cancel = paths["/training/enrolments/{enrolment_id}/cancellation"]["post"]["responses"]
    assert "application/problem+json" in cancel["409"]["content"]
    verify = paths["/certificates/verify/{code}"]["get"]
    assert "security" not in verify or verify["security"] == []
