"""The first event, end to end: an SME is approved and the people it concerns are told.

membership and notifications run as separate OS processes with their own databases, talking
only through a real Kafka broker. The approving cluster's manager reads the news in their own
inbox and receives it on their live stream; the manager of another cluster does not.
"""

import asyncio
import json
from typing import Any

import httpx
import pytest

from cloth_shared.contracts import topics
from cloth_shared.testing.flows import BFA, MembershipFlows
from cloth_shared.testing.kafka import read_topic

from .conftest import Platform

pytestmark = pytest.mark.e2e

Headers = dict[str, str]


async def inbox_once(client: httpx.AsyncClient, person: Headers, at_least: int) -> list[dict[str, Any]]:
    """The person's own inbox (GET /inbox with their token), once it holds `at_least` items."""
    async with asyncio.timeout(30):
        while True:
            response = await client.get("/inbox", headers=person, params={"limit": 50})
            assert response.status_code == 200, response.text
            items: list[dict[str, Any]] = response.json()["items"]
            if len(items) >= at_least:
                return items
            await asyncio.sleep(0.05)


async def first_notification_on(stream: httpx.Response, event_type: str) -> dict[str, Any]:
    """The first `notification` event of an open SSE stream telling of `event_type`."""
    data: dict[str, Any] | None = None
    async with asyncio.timeout(30):
        async for line in stream.aiter_lines():
            if line.startswith("data:"):
                data = json.loads(line[5:].strip())
            elif not line and data is not None:
                if data.get("event_type") == event_type:
                    return data
                data = None
    raise AssertionError(f"the stream ended before any {event_type}")


async def test_an_approved_sme_is_news_for_its_clusters_manager_only(platform: Platform) -> None:
    await platform.start("membership", "notifications")
    async with (
        platform.services["membership"].client() as membership,
        platform.services["notifications"].client() as notifications,
    ):
        flows = MembershipFlows(membership)
        manager, elsewhere = await flows.manager(), await flows.manager(BFA)
        # Both known to the notifications directory (their own welcome is there) before the news.
        await inbox_once(notifications, manager, 1)
        await inbox_once(notifications, elsewhere, 1)
        async with notifications.stream("GET", "/inbox/stream", headers=manager) as stream:
            assert stream.status_code == 200
            organisation_id, _ = await flows.active(manager, legal_name="Teixits Igualada SL")
            streamed = await first_notification_on(stream, "SMEJoined")
        told = [i for i in await inbox_once(notifications, manager, 2) if i["event_type"] == "SMEJoined"]
        # One event's records are committed together: what the manager sees, everyone told sees.
        not_told = await inbox_once(notifications, elsewhere, 1)

    assert len(told) == 1
    assert told[0]["context"]["event"]["organisation"]["organisation_id"] == str(organisation_id)
    assert told[0]["context"]["event"]["organisation"]["legal_name"] == "Teixits Igualada SL"
    assert streamed["id"] == told[0]["id"]
    assert [i["event_type"] for i in not_told] == ["PersonJoined"]


async def test_the_sme_joined_event_on_kafka_is_keyed_by_organisation_and_carries_its_profile(
    platform: Platform,
) -> None:
    await platform.start("membership")
    async with platform.services["membership"].client() as membership:
        organisation_id, _ = await MembershipFlows(membership).active(legal_name="Moda Ruse OOD")

    topic = f"{platform.topic_prefix}{topics.MEMBERSHIP_ORGANISATIONS}"
    records = await read_topic(platform.kafka, topic, at_least=1)
    assert [record.key for record in records] == [str(organisation_id).encode()]
    envelope = json.loads(records[0].value)
    assert envelope["event_type"] == "SMEJoined" and envelope["producer"] == "membership"
    assert envelope["payload"]["organisation"]["legal_name"] == "Moda Ruse OOD"
    assert envelope["correlation_id"]
