"""The four services in-process on real PostgreSQL and Kafka, served to synchronous fuzz tests.

Hypothesis drives a synchronous test function, while the apps, their pools and the membership
flows are asyncio: they all live on one event loop in a background thread, and a test hands each
request to that loop and waits for the answer. The services start once per module (migrations
and topics take seconds each) and share one topic namespace, so the others learn of membership's
changes of authority as they do in production; membership signs with the security tests' key,
which the others trust, so membership-issued tokens are valid everywhere.
"""

import asyncio
import contextlib
import threading
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar
from uuid import uuid4

import httpx
import pytest
from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cloth_shared.service import create_app
from cloth_shared.testing.apps import running
from cloth_shared.testing.databases import throwaway_database
from cloth_shared.testing.examples import MODACC
from cloth_shared.testing.flows import MembershipFlows
from cloth_shared.testing.infrastructure import TestInfrastructure
from cloth_shared.testing.topic_cleanup import delete_topics, existing_test_topics
from membership.config import DEV_ADMIN_EMAIL, DEV_ADMIN_PASSWORD

from ..security.conftest import SERVICES
from ..security.keys import SigningKey

T = TypeVar("T")

# Who calls: nobody, then one person of each role membership grants, then (where it has routes
# of its own) a partner system with its client-credentials token.
CALLERS = ("anonymous", "platform_admin", "cluster_manager", "organisation_admin", "organisation_member")
PARTNER_CLIENT = "partner_client"
PARTNER_SERVICES = ("notifications",)
SESSION_ENDING_SERVICES = ("membership",)
STARTUP_SECONDS = 120
REQUEST_SECONDS = 30


@dataclass
class ServedPlatform:
    """Every service running on a loop of its own thread; `call` runs a coroutine there."""

    infra: TestInfrastructure
    environment: pytest.MonkeyPatch
    signing_key: SigningKey = field(default_factory=SigningKey)
    topic_prefix: str = field(default_factory=lambda: f"test-{uuid4().hex[:10]}.")
    apps: dict[str, FastAPI] = field(default_factory=dict)
    clients: dict[str, httpx.AsyncClient] = field(default_factory=dict)
    callers: dict[tuple[str, str], "Caller"] = field(default_factory=dict)
    _loop: asyncio.AbstractEventLoop = field(default_factory=asyncio.new_event_loop)
    _serving: list["asyncio.Future[None]"] = field(default_factory=list)
    _stopping: asyncio.Event = field(default_factory=asyncio.Event)

    def call(self, coroutine: Coroutine[Any, Any, T], timeout: float = REQUEST_SECONDS) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    def start(self) -> None:
        threading.Thread(target=self._loop.run_forever, name="fuzzed-services", daemon=True).start()
        self.environment.setenv("CLOTH_ENV", "test")
        self.environment.setenv("KAFKA_BOOTSTRAP_SERVERS", self.infra.kafka_bootstrap_servers)
        self.environment.setenv("KAFKA_TOPIC_PREFIX", self.topic_prefix)
        self.environment.setenv("MEMBERSHIP_SIGNING_KEY_PEM", self.signing_key.private_key_pem)
        self.environment.setenv("MEMBERSHIP_ARGON2_TIME_COST", "1")
        self.environment.setenv("MEMBERSHIP_ARGON2_MEMORY_KIB", "8192")
        for name in ("membership", *sorted(set(SERVICES) - {"membership"})):
            self.environment.setenv(f"{name.upper()}_AUTH_PUBLIC_KEY_PEM", self.signing_key.public_key_pem)
            self.clients[name] = self.call(self._started(name), timeout=STARTUP_SECONDS)
        jwks = self.call(self.clients["membership"].get("/.well-known/jwks.json")).json()
        self.signing_key.kid = jwks["keys"][0]["kid"]
        # Everyone is signed in before any fuzzing: fuzzed sign-ins trip the per-address sign-in
        # limit. Membership's tests get people of their own, as a fuzzed sign-out or erasure ends
        # its caller; the other services' tests cannot end a session and share one of each role.
        people: dict[tuple[str, str], Caller] = {}
        for service, caller in callers_of_services():
            whose = service if service in SESSION_ENDING_SERVICES else "any other service"
            if (whose, caller) not in people:
                people[whose, caller] = self._signed_in(caller)
            self.callers[service, caller] = people[whose, caller]

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._stopping.set)
        with contextlib.suppress(Exception):
            self.call(asyncio.wait_for(asyncio.gather(*self._serving), STARTUP_SECONDS), STARTUP_SECONDS + 5)
        with contextlib.suppress(Exception):
            self.call(self._delete_topics(), STARTUP_SECONDS)
        self._loop.call_soon_threadsafe(self._loop.stop)

    def flows(self) -> MembershipFlows:
        return MembershipFlows(self.clients["membership"], DEV_ADMIN_EMAIL, DEV_ADMIN_PASSWORD)

    def _signed_in(self, caller: str) -> "Caller":
        """A new person in that role (nobody for `anonymous`)."""
        return self.call(_sign_in(self.flows(), caller), timeout=STARTUP_SECONDS)

    async def _started(self, name: str) -> httpx.AsyncClient:
        started: asyncio.Future[httpx.AsyncClient] = asyncio.get_running_loop().create_future()
        self._serving.append(asyncio.ensure_future(self._serve(name, started)))
        return await started

    async def _serve(self, name: str, started: "asyncio.Future[httpx.AsyncClient]") -> None:
        try:
            async with throwaway_database(self.infra.database_admin_url, f"fuzz{name}") as url:
                self.environment.setenv(f"{name.upper()}_DATABASE_URL", url)
                definition, settings, _ = SERVICES[name]()
                self.apps[name] = create_app(definition, settings)
                async with running(self.apps[name]):
                    transport = httpx.ASGITransport(app=_cut_after_headers_if_endless(self.apps[name]))
                    async with httpx.AsyncClient(transport=transport, base_url="http://service.test") as http:
                        started.set_result(http)
                        await self._stopping.wait()
        except BaseException as failure:
            if not started.done():
                started.set_exception(failure)
            raise

    async def _delete_topics(self) -> None:
        kafka = self.infra.kafka_bootstrap_servers
        ours = {topic for topic in await existing_test_topics(kafka) if topic.startswith(self.topic_prefix)}
        await delete_topics(kafka, ours)


def callers_of_services() -> list[tuple[str, str]]:
    """Every service with every caller; a partner client only where partners have routes."""
    everyone = [(service, caller) for service in sorted(SERVICES) for caller in CALLERS]
    return everyone + [(service, PARTNER_CLIENT) for service in PARTNER_SERVICES]


ENDLESS_MEDIA_TYPE = b"text/event-stream"


def _cut_after_headers_if_endless(app: ASGIApp) -> ASGIApp:
    """The app, but an endless stream (Server-Sent Events) ends right after its status and headers.

    The in-process transport returns an answer only once its body is complete, so a live stream
    would hold the fuzzer until the request timed out. Its status, content type and headers are
    still checked here; its events are proven on a real server in the notifications service's
    tests/integration/test_live_stream.py. The client's disconnect that follows ends the stream.
    """

    async def cut(scope: Scope, receive: Receive, send: Send) -> None:
        ended = False

        async def sending(message: Message) -> None:
            nonlocal ended
            if ended:
                return
            await send(message)
            if message["type"] == "http.response.start" and _is_endless(message):
                ended = True
                await send({"type": "http.response.body", "body": b"", "more_body": False})

        await app(scope, receive, sending)

    return cut


def _is_endless(start: Message) -> bool:
    headers = dict(start.get("headers", []))
    return bytes(headers.get(b"content-type", b"")).startswith(ENDLESS_MEDIA_TYPE)


@dataclass(frozen=True)
class Caller:
    """Who calls: their headers, and the ids of what is theirs (to put in paths)."""

    headers: dict[str, str]
    own_ids: dict[str, str]


async def _sign_in(flows: MembershipFlows, caller: str) -> Caller:
    if caller == "anonymous":
        return Caller({}, {})
    if caller == PARTNER_CLIENT:
        return Caller(await _partner_client(flows), {})
    if caller == "platform_admin":
        # Not the person id: the fuzzer would end the sessions of the one administrator every
        # other test signs in as.
        return Caller(await flows.admin(), {"cluster_id": str(MODACC)})
    if caller == "cluster_manager":
        headers = await flows.manager()
        return Caller(headers, {"cluster_id": str(MODACC), "person_id": await _person_id(flows, headers)})
    organisation_id, admin = await flows.active()
    if caller == "organisation_member":
        admin = await flows.invited(admin, role="organisation_member", organisation_id=organisation_id)
    else:
        assert caller == "organisation_admin", caller
    own = {"organisation_id": str(organisation_id), "person_id": await _person_id(flows, admin)}
    return Caller(admin, {**own, "cluster_id": str(MODACC)})


async def _partner_client(flows: MembershipFlows) -> dict[str, str]:
    """A partner system's token, with the scope partners read events with."""
    registered = await flows.http.post(
        "/clients", json={"name": "Fuzzing partner", "scopes": ["events:read"]}, headers=await flows.admin()
    )
    assert registered.status_code == 201, registered.text
    secret = {key: registered.json()[key] for key in ("client_id", "client_secret")}
    token = await flows.http.post("/auth/client-token", json=secret)
    assert token.status_code == 200, token.text
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


async def _person_id(flows: MembershipFlows, headers: dict[str, str]) -> str:
    return str((await flows.http.get("/people/me", headers=headers)).json()["id"])


@pytest.fixture(scope="module")
def platform(infra: TestInfrastructure) -> Iterator[ServedPlatform]:
    with pytest.MonkeyPatch.context() as environment:
        served = ServedPlatform(infra, environment)
        try:
            served.start()
            yield served
        finally:
            served.stop()
