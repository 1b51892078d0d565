"""The last seats of a session, raced for by many people at once on two replicas of the service
sharing one PostgreSQL: exactly as many get a seat as were left, everyone else waits with a distinct
arrival number, nothing is over-counted and only the winners' EnrolmentConfirmed reach the outbox.
Then many seats given up at once go each to one person waiting, in arrival order."""

import asyncio
from collections import Counter

import pytest

from cloth_shared.auth.principal import Principal

from .training_api import Training, as_, knowledge_service, member, training

pytestmark = pytest.mark.integration

CAPACITY = 20
ALREADY_TAKEN = 17  # the race is for the last three
RACERS = 80

__all__ = ["training"]


async def test_many_concurrent_enrolments_exactly_fill_the_last_seats(
    training: Training, database_url: str
) -> None:
    session = await training.scheduled(capacity=CAPACITY)
    session_id = session["session_id"]
    for _ in range(ALREADY_TAKEN):
        assert (await training.enrol(session_id, member())).json()["status"] == "confirmed"

    async with knowledge_service(database_url) as (replica, _):
        url = f"/training/sessions/{session_id}/enrolments"
        clients = (training.client, replica)
        answers = await asyncio.gather(
            *(clients[i % 2].post(url, headers=as_(member())) for i in range(RACERS))
        )

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


async def test_seats_given_up_at_once_go_each_to_one_person_waiting_in_arrival_order(
    training: Training,
) -> None:
    session = await training.scheduled(capacity=5)
    session_id = session["session_id"]
    holders = [member() for _ in range(5)]
    waiting: list[Principal] = [member() for _ in range(8)]
    seats = [(await training.enrol(session_id, person)).json() for person in holders]
    for person in waiting:
        assert (await training.enrol(session_id, person)).json()["status"] == "waitlisted"

    answers = await asyncio.gather(
        *(
            training.client.post(
                f"/training/enrolments/{seat['enrolment_id']}/cancellation", headers=as_(holder)
            )
            for seat, holder in zip(seats, holders, strict=True)
        )
    )

    assert {answer.status_code for answer in answers} == {200}
    roster = (
        await training.client.get(f"/training/sessions/{session_id}/enrolments", headers=as_(training.boss))
    ).json()
    confirmed = {e["person_id"] for e in roster if e["status"] == "confirmed"}
    assert confirmed == {str(p.subject) for p in waiting[:5]}
    still_waiting = [(e["person_id"], e["waitlist_position"]) for e in roster if e["status"] == "waitlisted"]
    assert still_waiting == [(str(p.subject), n) for p, n in zip(waiting[5:], (6, 7, 8), strict=True)]
    pool = training.infra.pool
    assert (
        await pool.fetchval("SELECT seats_taken FROM training_sessions WHERE session_id = $1", session_id)
        == 5
    )
    offered = await pool.fetch(
        "SELECT envelope->'payload'->>'person_id' AS person FROM outbox WHERE event_type = 'PlaceOffered'"
    )
    assert sorted(row["person"] for row in offered) == sorted(str(p.subject) for p in waiting[:5])
