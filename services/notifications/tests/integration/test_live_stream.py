"""The inbox live over Server-Sent Events, on real HTTP servers, fed through Kafka.

Two service processes' worth of apps (each with its own consumers, both on one database) run
under uvicorn on loopback ports: a stream opened on one is woken by a commit in either (the
poll interval is longer than the test waits), and resumed on the other with `Last-Event-ID`
gets exactly what it missed.
"""

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any
from uuid import uuid4

import httpx
import pytest
import uvicorn

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.service import create_app
from cloth_shared.settings import load_settings
from cloth_shared.testing.tokens import TestTokens
from notifications.bootstrap import DEFINITION
from notifications.config import NotificationsSettings

from ..unit.exchange_examples import exchange_requested, exchange_snapshot
from .person_flows import People, configure, topic_prefix

pytestmark = pytest.mark.integration

__all__ = ["topic_prefix"]  # this module's tests use the notifications namespace


@contextlib.asynccontextmanager
async def served() -> AsyncIterator[httpx.AsyncClient]:
    """The service under uvicorn on a free loopback port, and a client to it."""
    app = create_app(DEFINITION, lambda: load_settings(NotificationsSettings))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, lifespan="on", log_level="warning"))
    task = asyncio.create_task(server.serve())
    try:
        async with asyncio.timeout(60):
            while not server.started:
                await asyncio.sleep(0.05)
        port = server.servers[0].sockets[0].getsockname()[1]
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            yield client
    finally:
        server.should_exit = True
        await task


async def notifications_on(response: httpx.Response, count: int) -> list[dict[str, Any]]:
    """The first `count` `notification` events of an open stream: id, event and parsed data."""
    received: list[dict[str, Any]] = []
    event: dict[str, Any] = {}
    async with asyncio.timeout(30):
        async for line in response.aiter_lines():
            if line.startswith("id:"):
                event["id"] = int(line[3:].strip())
            elif line.startswith("event:"):
                event["event"] = line[6:].strip()
            elif line.startswith("data:"):
                event["data"] = json.loads(line[5:].strip())
            elif not line and event:
                if event.get("event") == "notification":
                    received.append(event)
                event = {}
                if len(received) == count:
                    return received
    return received


@pytest.fixture
def people(service_environment: dict[str, str]) -> People:
    return People(service_environment, TestTokens())


async def test_a_stream_shows_a_new_notification_and_a_reconnect_elsewhere_gets_only_what_it_missed(
    database_url: str, monkeypatch: pytest.MonkeyPatch, people: People
) -> None:
    configure(monkeypatch, database_url, people.tokens)
    # Longer than the test waits: only a NOTIFY from whichever process consumed can wake it.
    monkeypatch.setenv("NOTIFICATIONS_STREAM_POLL_SECONDS", "60")
    snapshot = exchange_snapshot()
    async with served() as first, served() as second:
        member = await people.join(snapshot.host_organisation_id)
        [welcome] = (await people.inbox(first, member, at_least=1))["items"]
        me = people.headers(member)

        resume_at = {"Last-Event-ID": str(welcome["sequence"])}
        async with first.stream("GET", "/inbox/stream", headers={**me, **resume_at}) as live:
            assert live.status_code == 200
            assert live.headers["content-type"].startswith("text/event-stream")
            await people.produce(exchange_requested(snapshot))
            [seen] = await notifications_on(live, 1)

        for _ in range(2):
            await people.produce(exchange_requested(exchange_snapshot(host=snapshot.host_organisation_id)))
        missed = (await people.inbox(first, member, at_least=4))["items"][:2]
        resume_at = {"Last-Event-ID": str(seen["id"])}
        async with second.stream("GET", "/inbox/stream", headers={**me, **resume_at}) as resumed:
            replayed = await notifications_on(resumed, 2)

    assert (seen["data"]["event_type"], seen["id"]) == ("ExchangeRequested", seen["data"]["sequence"])
    assert seen["id"] > welcome["sequence"]
    assert [e["id"] for e in replayed] == sorted(item["sequence"] for item in missed)
    assert all(e["id"] > seen["id"] for e in replayed)


async def test_the_stream_is_refused_to_anonymous_callers_and_partner_clients(
    database_url: str, monkeypatch: pytest.MonkeyPatch, people: People
) -> None:
    configure(monkeypatch, database_url, people.tokens)
    partner = people.tokens.headers_for(Principal(uuid4(), frozenset({Role.PARTNER_CLIENT})))
    async with served() as service:
        anonymous = await service.get("/inbox/stream")
        client = await service.get("/inbox/stream", headers=partner)
        bad_resume = await service.get(
            "/inbox/stream", headers={**people.headers(uuid4()), "Last-Event-ID": "yesterday"}
        )
    assert (anonymous.status_code, client.status_code, bad_resume.status_code) == (401, 403, 422)
