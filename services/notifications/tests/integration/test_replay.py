"""A replay of every topic from the first offset leaves no second notification or e-mail.

The second run is a new consumer group (it reads everything again) and its inbox has lost its
processed-events rows too, as after restoring an old backup: only the records' own unique key
(event id, person, channel) stands between the replay and a second notification.
"""

from uuid import UUID, uuid4

import asyncpg
import pytest

from cloth_shared.testing.tokens import TestTokens

from ..unit.exchange_examples import exchange_requested, exchange_snapshot
from .person_flows import People, configure, notifications_service, topic_prefix

pytestmark = pytest.mark.integration

__all__ = ["topic_prefix"]  # this module's tests use the notifications namespace

COUNTS = """
SELECT (SELECT count(*) FROM person_notifications), (SELECT count(*) FROM email_deliveries),
       (SELECT count(*) FROM notifications)
"""


async def counts(database_url: str) -> tuple[int, int, int]:
    connection = await asyncpg.connect(database_url)
    try:
        row = await connection.fetchrow(COUNTS)
        assert row is not None
        return (row[0], row[1], row[2])
    finally:
        await connection.close()


async def forget_the_inbox(database_url: str) -> None:
    connection = await asyncpg.connect(database_url)
    try:
        await connection.execute("DELETE FROM processed_events")
    finally:
        await connection.close()


async def everything_consumed(people: People, client, organisation_id: UUID) -> None:  # type: ignore[no-untyped-def]
    """A newcomer's welcome, then a request to their organisation: both topics read to the end."""
    newcomer = await people.join(organisation_id)
    await people.inbox(client, newcomer, at_least=1)
    await people.produce(exchange_requested(exchange_snapshot(host=organisation_id)))
    await people.inbox(client, newcomer, at_least=2)


async def test_replaying_every_topic_from_the_start_in_a_new_group_creates_nothing_twice(
    database_url: str, service_environment: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tokens = TestTokens()
    people = People(service_environment, tokens)
    configure(monkeypatch, database_url, tokens)
    snapshot = exchange_snapshot()
    async with notifications_service() as client:
        member = await people.join(snapshot.host_organisation_id)
        admin = await people.join(snapshot.host_organisation_id, role="organisation_admin")
        # Both known before the requests (two topics: no order between them otherwise).
        await people.inbox(client, member, at_least=1)
        await people.inbox(client, admin, at_least=1)
        for _ in range(3):
            await people.produce(exchange_requested(snapshot))  # three distinct events
        await people.inbox(client, member, at_least=4)
        await people.inbox(client, admin, at_least=4)
        await everything_consumed(people, client, uuid4())
    before = await counts(database_url)

    await forget_the_inbox(database_url)
    monkeypatch.setenv("NOTIFICATIONS_SERVICE_NAME", "notifications-replay")  # a new consumer group
    async with notifications_service() as client:
        await everything_consumed(people, client, uuid4())
    after = await counts(database_url)

    # The replay added only the second sentinel's records (a welcome and a request: 2 + 2 records,
    # 2 e-mails), nothing for the events consumed before.
    assert after == (before[0] + 4, before[1] + 2, before[2])
    assert before[0] >= 2 * 2 * 4  # two people, two channels, a welcome and three requests
