"""Attendance completes a course by its rule and issues one certificate; revocation; public
verification; and a person's erasure that keeps the counts but not the name."""

import re
from datetime import timedelta
from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Principal
from cloth_shared.contracts import knowledge_training as contract
from cloth_shared.errors import Conflict, InvalidInput, NotAllowed, NotFound
from cloth_shared.testing.examples import enveloped, person_erased
from knowledge.domain.authors import Author
from knowledge.domain.training.certificates import HOLDER_ERASED
from knowledge.domain.training.enrolments import Enrolment
from knowledge.service_layer.training.certificates import (
    RecordAttendance,
    holders_certificate,
    my_certificates,
    new_verification_code,
    record,
    revoke,
    verify,
)
from knowledge.service_layer.training.courses import create_course, schedule_session
from knowledge.service_layer.training.enrolment import enrol, roster
from knowledge.service_layer.training.erasure import forget_trainee

from .fakes import FakeKnowledgeUnitOfWork
from .training_world import NOW, a_course, a_session, admin, manager, member

LATER = NOW + timedelta(days=40)


async def an_enrolment(
    uow: FakeKnowledgeUnitOfWork, *, assessment_required: bool = False
) -> tuple[Principal, Principal, Enrolment]:
    """A trainer, a member called Laia Puig, and her seat on a 4-meeting session (50% to complete)."""
    course = await create_course(uow, admin(), a_course(assessment_required=assessment_required))
    trainer = Principal(uuid4())
    session = await schedule_session(
        uow, admin(), a_session(course.course_id, trainer_id=trainer.subject, meetings=4), at=NOW
    )
    person = member()
    uow.database.authors[person.subject] = Author(person.subject, "Laia Puig", None, NOW)
    seat = await enrol(uow, person, session.session_id, at=NOW)
    uow.events.clear()
    return trainer, person, seat


async def test_attending_enough_meetings_completes_the_course_and_issues_one_certificate() -> None:
    uow = FakeKnowledgeUnitOfWork()
    trainer, person, seat = await an_enrolment(uow)

    first = await record(uow, trainer, RecordAttendance(seat.enrolment_id, frozenset({0})), at=LATER)
    assert (first.certificate, first.enrolment.completed_at) == (None, None)
    done = await record(uow, trainer, RecordAttendance(seat.enrolment_id, frozenset({0, 1})), at=LATER)
    again = await record(uow, trainer, RecordAttendance(seat.enrolment_id, frozenset({0, 1, 2})), at=LATER)

    assert done.certificate is not None
    assert again.certificate is None
    assert [type(e) for e in uow.events] == [contract.CourseCompleted, contract.CertificateIssued]
    completed, issued = uow.events
    assert isinstance(completed, contract.CourseCompleted)
    assert isinstance(issued, contract.CertificateIssued)
    assert (completed.person_id, completed.attendance_percent) == (person.subject, 50)
    assert (issued.person_id, issued.certificate_id) == (person.subject, done.certificate.certificate_id)
    assert [c.certificate_id for c in await my_certificates(uow, person)] == [done.certificate.certificate_id]
    answer = await verify(uow, done.certificate.verification_code)
    assert (answer.status, answer.holder_name, answer.completed_on) == ("valid", "Laia Puig", LATER.date())


async def test_the_certificate_bears_the_name_membership_last_announced() -> None:
    uow = FakeKnowledgeUnitOfWork()
    trainer, person, seat = await an_enrolment(uow)
    uow.database.authors[person.subject] = Author(person.subject, "Laia Puig i Solà", None, LATER)
    done = await record(uow, trainer, RecordAttendance(seat.enrolment_id, frozenset({0, 1})), at=LATER)
    assert done.certificate is not None
    assert (await verify(uow, done.certificate.verification_code)).holder_name == "Laia Puig i Solà"


async def test_a_course_with_an_assessment_is_completed_only_once_it_is_passed() -> None:
    uow = FakeKnowledgeUnitOfWork()
    trainer, _, seat = await an_enrolment(uow, assessment_required=True)
    everything = frozenset({0, 1, 2, 3})
    failed = await record(uow, trainer, RecordAttendance(seat.enrolment_id, everything, False), at=LATER)
    assert failed.certificate is None
    passed = await record(uow, trainer, RecordAttendance(seat.enrolment_id, everything, True), at=LATER)
    assert passed.certificate is not None


async def test_attendance_is_recorded_by_the_trainer_or_the_courses_cluster_managers_only() -> None:
    uow = FakeKnowledgeUnitOfWork()
    _, person, seat = await an_enrolment(uow)
    command = RecordAttendance(seat.enrolment_id, frozenset({0}))
    assert (await record(uow, manager(), command, at=LATER)).enrolment.attended == {0}
    for refused in (person, member(), manager(uuid4()), admin()):
        with pytest.raises(NotAllowed):
            await record(uow, refused, command, at=LATER)


async def test_attendance_names_meetings_of_the_session_and_confirmed_places_only() -> None:
    uow = FakeKnowledgeUnitOfWork()
    trainer, _, seat = await an_enrolment(uow)
    with pytest.raises(InvalidInput) as unknown:
        await record(uow, trainer, RecordAttendance(seat.enrolment_id, frozenset({4})), at=LATER)
    assert unknown.value.code == "unknown-meeting"
    await enrol(uow, member(), seat.session_id, at=NOW)  # the last seat
    waiting = await enrol(uow, member(), seat.session_id, at=NOW)
    with pytest.raises(Conflict):
        await record(uow, trainer, RecordAttendance(waiting.enrolment_id, frozenset({0})), at=LATER)


async def test_a_revoked_certificate_verifies_as_revoked_and_is_revoked_once() -> None:
    uow = FakeKnowledgeUnitOfWork()
    trainer, person, seat = await an_enrolment(uow)
    done = await record(uow, trainer, RecordAttendance(seat.enrolment_id, frozenset({0, 1})), at=LATER)
    assert done.certificate is not None
    certificate_id = done.certificate.certificate_id
    for refused in (person, trainer, member(), manager(uuid4())):
        with pytest.raises(NotAllowed):
            await revoke(uow, refused, certificate_id, reason="mistake", at=LATER)

    boss = manager()
    await revoke(uow, boss, certificate_id, reason="attendance recorded for the wrong person", at=LATER)
    assert (await verify(uow, done.certificate.verification_code)).status == "revoked"
    revoked = uow.events[-1]
    assert isinstance(revoked, contract.CertificateRevoked)
    assert (revoked.person_id, revoked.revoked_by) == (person.subject, boss.subject)
    with pytest.raises(Conflict):
        await revoke(uow, admin(), certificate_id, reason="again", at=LATER)


async def test_only_the_holder_downloads_their_certificate() -> None:
    uow = FakeKnowledgeUnitOfWork()
    trainer, person, seat = await an_enrolment(uow)
    done = await record(uow, trainer, RecordAttendance(seat.enrolment_id, frozenset({0, 1})), at=LATER)
    assert done.certificate is not None
    assert await holders_certificate(uow, person, done.certificate.certificate_id) == done.certificate
    for other in (trainer, admin(), member()):
        with pytest.raises(NotFound):
            await holders_certificate(uow, other, done.certificate.certificate_id)


async def test_an_unknown_code_verifies_nothing() -> None:
    with pytest.raises(NotFound):
        await verify(FakeKnowledgeUnitOfWork(), new_verification_code())


def test_verification_codes_are_128_random_bits_in_base32() -> None:
    codes = {new_verification_code() for _ in range(100)}
    assert len(codes) == 100
    assert all(re.fullmatch(r"[A-Z2-7]{26}", code) for code in codes)


async def test_after_erasure_the_counts_and_the_certificate_stand_without_the_name() -> None:
    uow = FakeKnowledgeUnitOfWork()
    trainer, person, seat = await an_enrolment(uow)
    done = await record(uow, trainer, RecordAttendance(seat.enrolment_id, frozenset({0, 1})), at=LATER)
    assert done.certificate is not None
    erased = person_erased(person.subject)
    for _ in range(2):  # a redelivery changes nothing more
        async with uow:
            await forget_trainee(uow, enveloped(erased), erased)
            await uow.commit()

    [kept] = await roster(uow, admin(), seat.session_id)
    assert (kept.holder_name, kept.erased, kept.attended) == (None, True, frozenset({0, 1}))
    assert uow.database.training.sessions[seat.session_id].seats_taken == 1
    answer = await verify(uow, done.certificate.verification_code)
    assert (answer.status, answer.holder_name) == ("valid", HOLDER_ERASED)
    assert uow.database.training.certificates[done.certificate.certificate_id].holder_name is None
