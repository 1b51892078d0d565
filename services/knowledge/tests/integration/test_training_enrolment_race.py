"""The last seats of a session, raced for by many people at once on real PostgreSQL: exactly as many
get a seat as were left, everyone else waits with a distinct arrival number, nothing is over-counted
and only the winners' EnrolmentConfirmed reach the outbox."""

import asyncio
from collections import Counter

import pytest

from .training_api import Training, member, training

pytestmark = pytest.mark.integration

CAPACITY = 20
ALREADY_TAKEN = 17  # the race is for the last three
RACERS = 80

__all__ = ["training"]


async def test_many_concurrent_enrolments_exactly_fill_the_last_seats(training: Training) -> None:
    session = await training.scheduled(capacity=CAPACITY)
    session_id = session["session_id"]
    for _ in range(ALREADY_TAKEN):
        assert (await training.enrol(session_id, member())).json()["status"] == "confirmed"

    answers = await asyncio.gather(*(training.enrol(session_id, member()) for _ in range(RACERS)))

    assert {answer.status_code for answer in answers} == {201}
    bodies = [answer.json() for answer in answers]
    outcomes = Counter(body["status"] for body in bodies)
    assert outcomes == {
        "confirmed": CAPACITY - ALREADY_TAKEN,
        "waitlisted": RACERS - (CAPACITY - ALREADY_TAKEN),
    }
    positions = sorted(body["waitlist_position"] for body in bodies if body["status"] == "waitlisted")
    assert positions == list(range(1, RACERS - (CAPACITY - ALREADY_TAKEN) + 1))

    pool = training.infra.pool
    assert (
        await pool.fetchval("SELECT seats_taken FROM training_sessions WHERE session_id = $1", session_id)
        == CAPACITY
    )
    assert (
        await pool.fetchval("SELECT count(*) FROM training_enrolments WHERE status = 'confirmed'") == CAPACITY
    )
    assert (
        await pool.fetchval("SELECT count(*) FROM outbox WHERE event_type = 'EnrolmentConfirmed'") == CAPACITY
    )
    waitlisted = await pool.fetchval("SELECT count(*) FROM outbox WHERE event_type = 'EnrolmentWaitlisted'")
    assert waitlisted == RACERS - (CAPACITY - ALREADY_TAKEN)


async def test_one_person_racing_themselves_gets_one_enrolment(training: Training) -> None:
    session = await training.scheduled(capacity=5)
    person = member()
    answers = await asyncio.gather(*(training.enrol(session["session_id"], person) for _ in range(10)))
    outcomes = Counter((a.status_code, a.json().get("code")) for a in answers)
    assert outcomes == {(201, None): 1, (409, "already-enrolled"): 9}
    assert await training.infra.pool.fetchval("SELECT seats_taken FROM training_sessions") == 1
