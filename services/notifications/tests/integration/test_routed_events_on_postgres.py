"""The routed-events log on PostgreSQL, and the locks that keep a routing transaction and a people
event's transaction, running at the same time, from each missing the other's uncommitted row."""

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import asyncpg
import pytest

from cloth_shared.contracts.envelope import Event
from cloth_shared.outbox.writer import OutboxWriter
from cloth_shared.testing.examples import enveloped, person_joined, sme_joined
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork
from notifications.bootstrap import MIGRATIONS
from notifications.domain.routed_events import KEPT_FOR, RoutedEvent
from notifications.entrypoints.consumers import SUBSCRIPTIONS

pytestmark = pytest.mark.integration

HANDLERS: dict[type[Event], Any] = {k: v for _, _, handlers in SUBSCRIPTIONS for k, v in handlers.items()}
JOINED_AT = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
APPROVED_AT = JOINED_AT + timedelta(minutes=5)
COMMIT_AT_ONCE = asyncio.Event()
COMMIT_AT_ONCE.set()


@pytest.fixture
async def pool(migrated_pool) -> asyncpg.Pool:  # type: ignore[no-untyped-def]
    migrated: asyncpg.Pool = await migrated_pool(MIGRATIONS)
    return migrated


def new_uow(pool: asyncpg.Pool) -> PostgresNotificationsUnitOfWork:
    return PostgresNotificationsUnitOfWork(pool, OutboxWriter(producer="notifications"))


async def told(pool: asyncpg.Pool, person_id: UUID, event_type: str) -> list[str]:
    rows = await pool.fetch(
        "SELECT channel FROM person_notifications WHERE person_id = $1 AND event_type = $2 ORDER BY channel",
        person_id,
        event_type,
    )
    return [row["channel"] for row in rows]


async def apply_without_commit(
    uow: PostgresNotificationsUnitOfWork, event: Event, occurred_at: datetime, commit: asyncio.Event
) -> None:
    """The service's handler in one transaction that commits only when `commit` is set."""
    async with uow:
        await HANDLERS[type(event)](uow, enveloped(event, occurred_at=occurred_at), event)
        await commit.wait()
        await uow.commit()


async def test_a_people_event_waits_for_a_routing_transaction_then_reads_what_it_routed(
    pool: asyncpg.Pool,
) -> None:
    organisation_id = uuid4()
    applicant = person_joined(role="organisation_admin", organisation_id=organisation_id)
    routing_may_commit = asyncio.Event()
    try:
        routing = asyncio.create_task(
            apply_without_commit(
                new_uow(pool), sme_joined(organisation_id=organisation_id), APPROVED_AT, routing_may_commit
            )
        )
        await asyncio.sleep(0.3)  # the approval is routed (to nobody) and holds its keys
        assert not routing.done()
        people = asyncio.create_task(
            apply_without_commit(new_uow(pool), applicant, JOINED_AT, COMMIT_AT_ONCE)
        )
        await asyncio.sleep(0.5)
        assert not people.done()  # waiting on the approval's keys, not reading past its row
    finally:
        routing_may_commit.set()  # a failing test leaves no transaction open
    await asyncio.wait_for(asyncio.gather(routing, people), timeout=10)
    assert await told(pool, applicant.person_id, "SMEJoined") == ["email", "in_app"]


async def test_routing_waits_for_a_people_event_transaction_then_finds_the_person(pool: asyncpg.Pool) -> None:
    organisation_id = uuid4()
    applicant = person_joined(role="organisation_admin", organisation_id=organisation_id)
    people_may_commit = asyncio.Event()
    try:
        people = asyncio.create_task(
            apply_without_commit(new_uow(pool), applicant, JOINED_AT, people_may_commit)
        )
        await asyncio.sleep(0.3)
        assert not people.done()
        routing = asyncio.create_task(
            apply_without_commit(
                new_uow(pool), sme_joined(organisation_id=organisation_id), APPROVED_AT, COMMIT_AT_ONCE
            )
        )
        await asyncio.sleep(0.5)
        assert not routing.done()  # waiting on the person's keys, not reading the directory without them
    finally:
        people_may_commit.set()
    await asyncio.wait_for(asyncio.gather(routing, people), timeout=10)
    assert await told(pool, applicant.person_id, "SMEJoined") == ["email", "in_app"]


def routed(
    keys: set[UUID], *, at: datetime = APPROVED_AT, payload: dict[str, Any] | None = None
) -> RoutedEvent:
    return RoutedEvent(uuid4(), "SMEJoined", payload or {"n": 1}, at, frozenset(keys))


async def test_the_log_finds_events_by_a_shared_key_since_a_time_oldest_first(pool: asyncpg.Pool) -> None:
    person, organisation, other = uuid4(), uuid4(), uuid4()
    later = routed({organisation, uuid4()}, at=APPROVED_AT + timedelta(minutes=1))
    first = routed({person}, at=APPROVED_AT)
    before = routed({organisation}, at=JOINED_AT - timedelta(minutes=1))
    unrelated = routed({other}, at=APPROVED_AT)
    async with new_uow(pool) as uow:
        await uow.routed_events.keep([later, first, before, unrelated], kept_for=KEPT_FOR)
        await uow.routed_events.keep([first], kept_for=KEPT_FOR)  # kept once
        await uow.commit()

    async with new_uow(pool) as uow:
        found = await uow.routed_events.since(JOINED_AT, {person, organisation})

    assert [e.event_id for e in found] == [first.event_id, later.event_id]
    assert found[1] == later


async def test_the_log_forgets_events_naming_a_person_and_drops_old_ones_as_it_keeps_new_ones(
    pool: asyncpg.Pool,
) -> None:
    person = uuid4()
    by_key = routed({person})
    in_payload = routed({uuid4()}, payload={"reviewer": {"id": str(person)}})
    other = routed({uuid4()})
    async with new_uow(pool) as uow:
        await uow.routed_events.keep([by_key, in_payload, other], kept_for=KEPT_FOR)
        await uow.routed_events.forget_mentions(person)
        await uow.commit()
    assert [row["event_id"] for row in await pool.fetch("SELECT event_id FROM routed_events")] == [
        other.event_id
    ]

    await pool.execute(
        "UPDATE routed_events SET routed_at = now() - $1::interval", KEPT_FOR + timedelta(hours=1)
    )
    async with new_uow(pool) as uow:
        fresh = routed({uuid4()})
        await uow.routed_events.keep([fresh], kept_for=KEPT_FOR)  # and drops the old, in one statement
        await uow.commit()
    assert [row["event_id"] for row in await pool.fetch("SELECT event_id FROM routed_events")] == [
        fresh.event_id
    ]
