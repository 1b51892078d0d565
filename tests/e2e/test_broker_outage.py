"""Kafka goes away: writes are still accepted, and once it is back every event arrives once.

The test runs its own broker so it can stop it without disturbing anything else.
"""

import asyncio
import time

import asyncpg
import httpx
import pytest

from cloth_shared.testing.flows import MembershipFlows
from cloth_shared.testing.infrastructure import TestInfrastructure

from .conftest import Platform
from .processes import PrivateKafka

pytestmark = pytest.mark.e2e

APPROVALS_DURING_OUTAGE = 20


async def count(database_url: str, query: str) -> int:
    connection = await asyncpg.connect(database_url)
    try:
        return int(await connection.fetchval(query))
    finally:
        await connection.close()


async def announced(notifications: httpx.AsyncClient, manager: dict[str, str]) -> list[str]:
    """The organisations whose joining the cluster's manager was told of, in their own inbox."""
    response = await notifications.get("/inbox", params={"limit": 50}, headers=manager)
    assert response.status_code == 200, response.text
    return [
        item["context"]["event"]["organisation"]["organisation_id"]
        for item in response.json()["items"]
        if item["event_type"] == "SMEJoined"
    ]


async def test_approvals_during_a_broker_outage_are_delivered_once_each_after_it_returns(
    infra: TestInfrastructure, topic_prefix: str, private_kafka: PrivateKafka, tmp_path
) -> None:
    platform = Platform(infra, private_kafka.bootstrap_servers, topic_prefix, tmp_path)
    try:
        await platform.start("membership", "notifications", MEMBERSHIP_KAFKA_SEND_TIMEOUT_SECONDS="3")
        membership = platform.services["membership"].client()
        notifications = platform.services["notifications"].client()
        flows = MembershipFlows(membership)
        manager = await flows.manager()
        async with asyncio.timeout(30):  # known to the directory (their welcome) before any news
            while (await notifications.get("/inbox", headers=manager)).json()["unread"] < 1:
                await asyncio.sleep(0.1)
        warm_up, _ = await flows.active(manager, legal_name="Before the outage SL")
        async with asyncio.timeout(30):
            while await announced(notifications, manager) != [str(warm_up)]:
                await asyncio.sleep(0.1)

        private_kafka.stop()
        accepted = [
            (await flows.active(manager, legal_name=f"During the outage {n} SL"))[0]
            for n in range(APPROVALS_DURING_OUTAGE)
        ]
        await asyncio.sleep(2)  # the relay tries, fails, keeps the rows
        pending = "SELECT count(*) FROM outbox WHERE published_at IS NULL"
        pending_joins = f"{pending} AND event_type = 'SMEJoined'"
        assert await count(platform.database_urls["membership"], pending_joins) == APPROVALS_DURING_OUTAGE

        private_kafka.start()
        restarted = time.monotonic()
        async with asyncio.timeout(90):
            while len(await announced(notifications, manager)) < APPROVALS_DURING_OUTAGE + 1:
                await asyncio.sleep(0.2)
        print(f"outbox drained and consumed {time.monotonic() - restarted:.1f} s after the broker returned")
        await asyncio.sleep(2)  # any redelivered duplicate would be applied by now

        assert sorted(await announced(notifications, manager)) == sorted(map(str, [warm_up, *accepted]))
        assert await count(platform.database_urls["membership"], pending) == 0
        notifications_db = platform.database_urls["notifications"]
        # The people's inbox recorded each join once (the partners' webhook inbox keeps its own rows).
        joins = (
            "SELECT count(*) FROM processed_events"
            " WHERE event_type = 'SMEJoined' AND consumer = 'notifications.membership'"
        )
        assert await count(notifications_db, joins) == APPROVALS_DURING_OUTAGE + 1
        await membership.aclose()
        await notifications.aclose()
    finally:
        await platform.close()
