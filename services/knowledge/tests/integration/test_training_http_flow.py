"""A course end to end over HTTP on real PostgreSQL and Kafka: scheduled, full, a cancellation
promotes the first person waiting, attendance completes it, the certificate is downloaded and
verified, then revoked; every fact reaches knowledge.training in order. PersonErased, delivered
twice from a real topic, leaves the certificate valid with the holder's data erased."""

import asyncio
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import httpx
import pytest

from cloth_shared.contracts import topics
from cloth_shared.contracts.codec import decode
from cloth_shared.testing.examples import encoded, person_erased
from cloth_shared.testing.kafka import produce_raw, read_topic
from knowledge.domain.training.courses import DeliveryMode, Session

from .training_api import Training, admin, as_, member, training

pytestmark = pytest.mark.integration

__all__ = ["training"]


async def test_from_scheduling_to_a_verified_then_revoked_certificate(
    training: Training, service_environment: dict[str, str]
) -> None:
    client = training.client
    session = await training.scheduled(capacity=1)
    laia, jordi = member(), member()
    await training.known_as(laia, "Laia Puig")
    await training.known_as(jordi, "Jordi Vila")
    seat = (await training.enrol(session["session_id"], laia)).json()
    waiting = (await training.enrol(session["session_id"], jordi)).json()
    assert (seat["status"], waiting["status"], waiting["waitlist_position"]) == ("confirmed", "waitlisted", 1)

    cancelled = await client.post(
        f"/training/enrolments/{seat['enrolment_id']}/cancellation", headers=as_(laia)
    )
    assert cancelled.json()["status"] == "cancelled"
    [promoted] = (await client.get("/training/enrolments/mine", headers=as_(jordi))).json()
    assert (promoted["status"], promoted["holder_name"]) == ("confirmed", "Jordi Vila")

    attended = (await training.attend(promoted["enrolment_id"], [0, 1])).json()
    assert attended["enrolment"]["completed_at"] is not None
    [certificate] = (await client.get("/training/certificates/mine", headers=as_(jordi))).json()
    assert certificate["certificate_id"] == attended["certificate_id"]

    pdf = await client.get(f"/training/certificates/{certificate['certificate_id']}/pdf", headers=as_(jordi))
    assert (pdf.status_code, pdf.headers["content-type"]) == (200, "application/pdf")
    assert pdf.content.startswith(b"%PDF-")

    verified = await client.get(f"/certificates/verify/{certificate['verification_code']}")
    assert verified.json() == {
        "status": "valid",
        "course_title": "Circular design for textile SMEs",
        "completed_on": datetime.now(UTC).date().isoformat(),
        "holder_name": "Jordi Vila",
    }
    revoked = await client.post(
        f"/training/certificates/{certificate['certificate_id']}/revocation",
        json={"reason": "recorded for the wrong person"},
        headers=as_(training.boss),
    )
    assert revoked.json()["status"] == "revoked"
    assert (await client.get(f"/certificates/verify/{certificate['verification_code']}")).json()[
        "status"
    ] == "revoked"

    published = await read_topic(
        service_environment["KAFKA_BOOTSTRAP_SERVERS"],
        service_environment["KAFKA_TOPIC_PREFIX"] + topics.KNOWLEDGE_TRAINING,
        at_least=9,
    )
    # Publishing is at least once (consumers drop repeats by event id): compare each event once.
    envelopes = list(
        {envelope.event_id: envelope for envelope in (decode(r.value)[0] for r in published)}.values()
    )
    facts = [(envelope.event_type, envelope.payload.get("person_id")) for envelope in envelopes]
    assert facts == [
        ("CourseScheduled", None),
        ("EnrolmentConfirmed", str(laia.subject)),
        ("EnrolmentWaitlisted", str(jordi.subject)),
        ("EnrolmentCancelled", str(laia.subject)),
        ("PlaceOffered", str(jordi.subject)),
        ("EnrolmentConfirmed", str(jordi.subject)),
        ("CourseCompleted", str(jordi.subject)),
        ("CertificateIssued", str(jordi.subject)),
        ("CertificateRevoked", str(jordi.subject)),
    ], facts
    assert {r.key for r in published} == {session["session_id"].encode()}


async def test_cancelling_after_the_deadline_is_refused_with_its_problem_code(training: Training) -> None:
    course = await training.course()
    now = datetime.now(UTC)
    closing = Session(
        session_id=uuid4(),
        course_id=UUID(course["course_id"]),
        mode=DeliveryMode.ONLINE,
        place=None,
        meetings=(now + timedelta(days=2),),
        capacity=5,
        trainer_id=training.trainer.subject,
        cancellation_deadline=now - timedelta(minutes=1),  # as if scheduled earlier and time passed
        scheduled_by=training.boss.subject,
        scheduled_at=now - timedelta(days=10),
    )
    async with training.uow() as uow:
        await uow.courses.add_session(closing)
        await uow.commit()
    person = member()
    seat = (await training.enrol(str(closing.session_id), person)).json()
    refused = await training.client.post(
        f"/training/enrolments/{seat['enrolment_id']}/cancellation", headers=as_(person)
    )
    assert (refused.status_code, refused.json()["code"]) == (409, "cancellation-deadline-passed")


async def answer_when(client: httpx.AsyncClient, url: str, holder: str) -> dict[str, str]:
    async with asyncio.timeout(30):
        while (answer := (await client.get(url)).json())["holder_name"] != holder:
            await asyncio.sleep(0.05)
    return dict(answer)


async def test_after_erasure_the_certificate_stays_valid_with_the_holders_data_erased(
    training: Training, service_environment: dict[str, str]
) -> None:
    session = await training.scheduled(capacity=3)
    person = member()
    await training.known_as(person, "Mariya Ivanova")
    seat = (await training.enrol(session["session_id"], person)).json()
    code = (await training.attend(seat["enrolment_id"], [0, 1, 2, 3])).json()["certificate_id"]
    [certificate] = (await training.client.get("/training/certificates/mine", headers=as_(person))).json()
    assert certificate["certificate_id"] == code
    url = f"/certificates/verify/{certificate['verification_code']}"

    topic = service_environment["KAFKA_TOPIC_PREFIX"] + topics.MEMBERSHIP_PEOPLE
    erased, event_id = person_erased(person.subject), uuid4()
    for _ in range(2):  # the same event delivered twice: the inbox applies it once
        await produce_raw(
            service_environment["KAFKA_BOOTSTRAP_SERVERS"],
            topic,
            encoded(erased, event_id=event_id),
            key=person.subject.bytes,
        )
    answer = await answer_when(training.client, url, "data erased on request")
    assert answer["status"] == "valid"

    roster = await training.client.get(
        f"/training/sessions/{session['session_id']}/enrolments", headers=as_(admin())
    )
    [kept] = roster.json()
    assert (kept["holder_name"], kept["status"], kept["attended"]) == (None, "confirmed", [0, 1, 2, 3])
    pool = training.infra.pool
    assert await pool.fetchval("SELECT count(*) FROM training_enrolments WHERE holder_name IS NOT NULL") == 0
    assert (
        await pool.fetchval("SELECT count(*) FROM training_certificates WHERE holder_name IS NOT NULL") == 0
    )
    assert await pool.fetchval("SELECT count(*) FROM processed_events WHERE event_id = $1", event_id) == 1
