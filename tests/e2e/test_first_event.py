"""The first event, end to end: an SME is approved and a notification appears in its inbox.

membership and notifications run as separate OS processes with their own databases, talking
only through a real Kafka broker.
"""

import asyncio
import json
import time

import httpx
import pytest

from cloth_shared.contracts import topics
from cloth_shared.testing.flows import MembershipFlows
from cloth_shared.testing.kafka import read_topic

from .conftest import Platform

pytestmark = pytest.mark.e2e


async def wait_for_notifications(client: httpx.AsyncClient, member: dict[str, str], count: int) -> list[dict]:
    """The member's own organisation inbox, once it holds `count` notifications."""
    async with asyncio.timeout(30):
        while True:
            response = await client.get("/notifications", headers=member)
            assert response.status_code == 200, response.text
            if len(response.json()) >= count:
                return response.json()
            await asyncio.sleep(0.05)


async def test_an_approved_sme_finds_a_welcome_notification_in_its_inbox(platform: Platform) -> None:
    await platform.start("membership", "notifications")
    async with (
        platform.services["membership"].client() as membership,
        platform.services["notifications"].client() as notifications,
    ):
        started = time.monotonic()
        organisation_id, member = await MembershipFlows(membership).active(legal_name="Teixits Igualada SL")
        found = await wait_for_notifications(notifications, member, 1)
        print(f"approval -> notification visible: {(time.monotonic() - started) * 1000:.0f} ms")
        await asyncio.sleep(1)  # any duplicate would arrive now
        again = await wait_for_notifications(notifications, member, 1)

    assert len(again) == 1
    assert found[0]["kind"] == "membership.welcome"
    assert found[0]["organisation_id"] == str(organisation_id)
    assert "Teixits Igualada SL" in found[0]["body"]


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
