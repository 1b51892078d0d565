"""The exchange service running in-process on real PostgreSQL and Kafka, driven over HTTP.

`Api` holds the people who act on exchanges (as tokens the service trusts), a clock the test
sets, and the steps as the frontend calls them. Organisations are put straight into the read
model: how they get there from membership's events is tested on its own (test_membership_topics).
"""

import contextlib
import os
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.service import Infrastructure, create_app
from cloth_shared.settings import load_settings
from cloth_shared.testing.apps import running
from cloth_shared.testing.databases import throwaway_database
from cloth_shared.testing.infrastructure import TestInfrastructure
from cloth_shared.testing.tokens import TestTokens
from cloth_shared.testing.topic_cleanup import new_topic_namespace
from exchange.adapters.unit_of_work import PostgresExchangeUnitOfWork
from exchange.bootstrap import DEFINITION
from exchange.config import ExchangeSettings
from exchange.domain.parties import Party
from exchange.service_layer.ports import Clock

from ..unit.fakes import FakeClock
from ..unit.world import CAPS, FIRST_DAY, IGUALADA, LAST_DAY, NOW, a_party

TOKENS = TestTokens()
Headers = dict[str, str]


@contextlib.contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in values.items():
            patch.setenv(name, value)
        yield


@contextlib.asynccontextmanager
async def exchange_service(
    infra: TestInfrastructure, database_url: str | None = None, **settings: str
) -> AsyncIterator[tuple[httpx.AsyncClient, Infrastructure, FakeClock]]:
    """The service on its own database and topic namespace, its clock set by the test."""
    async with contextlib.AsyncExitStack() as stack:
        if database_url is None:
            database_url = await stack.enter_async_context(
                throwaway_database(infra.database_admin_url, "exchange")
            )
        values = {
            "CLOTH_ENV": "test",
            "KAFKA_BOOTSTRAP_SERVERS": infra.kafka_bootstrap_servers,
            "KAFKA_TOPIC_PREFIX": settings.pop("topic_prefix", new_topic_namespace()),
            "LOG_JSON": os.environ.get("LOG_JSON", "false"),
            "EXCHANGE_DATABASE_URL": database_url,
            "EXCHANGE_AUTH_PUBLIC_KEY_PEM": TOKENS.public_key_pem,
            "EXCHANGE_RUN_SWEEPER": "false",
            **{f"EXCHANGE_{name.upper()}": value for name, value in settings.items()},
        }
        stack.enter_context(environment(values))
        app = create_app(DEFINITION, lambda: load_settings(ExchangeSettings))
        client, started = await stack.enter_async_context(running(app))
        clock = FakeClock(NOW)
        started.provide(clock, as_type=Clock)
        yield client, started, clock


def person(role: Role, *, organisation: UUID | None = None, cluster: UUID | None = None) -> Principal:
    return Principal(uuid4(), frozenset({role}), organisation_id=organisation, cluster_id=cluster)


@dataclass
class Api:
    http: httpx.AsyncClient
    infra: Infrastructure
    clock: FakeClock
    visitor: Party = field(default_factory=a_party)
    host: Party = field(default_factory=lambda: a_party(country="ES", coordinates=IGUALADA))
    programme_id: UUID | None = None

    def __post_init__(self) -> None:
        v, h = self.visitor, self.host
        self.people = {
            "admin": person(Role.PLATFORM_ADMIN),
            "visitor": person(Role.ORGANISATION_ADMIN, organisation=v.organisation_id),
            "host": person(Role.ORGANISATION_MEMBER, organisation=h.organisation_id),
            "visitor_manager": person(Role.CLUSTER_MANAGER, cluster=v.cluster_id),
            "host_manager": person(Role.CLUSTER_MANAGER, cluster=h.cluster_id),
            "other_manager": person(Role.CLUSTER_MANAGER, cluster=uuid4()),
            "stranger": person(Role.ORGANISATION_ADMIN, organisation=uuid4()),
        }

    async def fresh(self) -> "Api":
        """Two new organisations (and their people) in the same programme: a visitor visits once."""
        other = Api(self.http, self.infra, self.clock, programme_id=self.programme_id)
        await other.know(other.visitor, other.host)
        other.clock.current = NOW
        return other

    def as_(self, who: str) -> Headers:
        return {} if who == "anonymous" else TOKENS.headers_for(self.people[who])

    def uow(self) -> PostgresExchangeUnitOfWork:
        return PostgresExchangeUnitOfWork(self.infra.pool, self.infra.outbox)

    async def know(self, *parties: Party) -> None:
        async with self.uow() as uow:
            for party in parties:
                await uow.organisations.remember(party, as_of=NOW)
            await uow.commit()

    async def programme(self, **quotas: int) -> UUID:
        await self.know(self.visitor, self.host)
        body: dict[str, Any] = {
            "name": "Fashion ClusterXchange",
            "application_window": {"first": "2026-09-01", "last": "2027-09-30"},
            "activity_window": {"first": "2027-01-01", "last": "2027-12-31"},
            "lump_sum_caps": {country: str(cap) for country, cap in CAPS.items()},
        }
        if quotas:
            body["quotas"] = quotas
        answer = await self.http.post("/programmes", json=body, headers=self.as_("admin"))
        assert answer.status_code == 201, answer.text
        self.programme_id = UUID(answer.json()["id"])
        return self.programme_id

    async def call(self, method: str, path: str, who: str, **kwargs: Any) -> httpx.Response:
        return await self.http.request(method, path, headers=self.as_(who), **kwargs)

    async def ok(self, method: str, path: str, who: str, status: int = 200, **kwargs: Any) -> dict[str, Any]:
        answer = await self.call(method, path, who, **kwargs)
        assert answer.status_code == status, answer.text
        return answer.json() if answer.content else {}

    async def requested(self, visitor: Party | None = None, **body: Any) -> str:
        visitor = visitor or self.visitor
        values = {
            "visitor_organisation_id": str(visitor.organisation_id),
            "host_organisation_id": str(self.host.organisation_id),
            "first_day": str(FIRST_DAY),
            "last_day": str(LAST_DAY),
            "activity_kind": "knowledge_sharing",
            **body,
        }
        member = self.people["visitor"]
        if visitor is not self.visitor:
            member = person(Role.ORGANISATION_MEMBER, organisation=visitor.organisation_id)
        path = f"/programmes/{self.programme_id}/exchanges"
        answer = await self.http.post(path, json=values, headers=TOKENS.headers_for(member))
        assert answer.status_code == 201, answer.text
        return str(answer.json()["id"])

    async def accepted(self) -> str:
        exchange_id = await self.requested()
        await self.ok("POST", f"/exchanges/{exchange_id}/acceptance", "host")
        return exchange_id

    async def agreed(self, exchange_id: str | None = None) -> str:
        exchange_id = exchange_id or await self.accepted()
        await self.ok("PUT", f"/exchanges/{exchange_id}/commitment", "visitor", json=COMMITMENT)
        for signatory, who in SIGNERS.items():
            await self.ok("POST", f"/exchanges/{exchange_id}/signatures", who, json={"signatory": signatory})
        return exchange_id

    async def approved(self) -> str:
        exchange_id = await self.agreed()
        await self.ok("POST", f"/exchanges/{exchange_id}/approval", "visitor_manager")
        return exchange_id

    async def in_progress(self) -> str:
        exchange_id = await self.approved()
        self.clock.set(FIRST_DAY)
        await self.ok("POST", f"/exchanges/{exchange_id}/start", "visitor")
        return exchange_id

    async def report_submitted(self) -> str:
        exchange_id = await self.in_progress()
        self.clock.set(LAST_DAY, 18)
        await self.ok("POST", f"/exchanges/{exchange_id}/report", "visitor", json=REPORT)
        return exchange_id

    async def completed(self) -> str:
        exchange_id = await self.report_submitted()
        self.clock.set(date(2027, 3, 10))
        await self.ok("POST", f"/exchanges/{exchange_id}/validation", "visitor_manager")
        return exchange_id

    async def state(self, exchange_id: str) -> str:
        return str((await self.ok("GET", f"/exchanges/{exchange_id}", "admin"))["state"])

    async def outbox(self) -> list[str]:
        rows = await self.infra.pool.fetch("SELECT event_type FROM outbox ORDER BY id")
        return [row["event_type"] for row in rows]


COMMITMENT = {
    "goals": ["Learn natural dyeing"],
    "agenda": [{"day": str(FIRST_DAY), "activities": "Tour of the plant"}],
    "expected_results": ["A joint project idea"],
    "first_day": str(FIRST_DAY),
    "last_day": str(LAST_DAY),
}
SIGNERS = {
    "visitor": "visitor",
    "host": "host",
    "visitor_cluster": "visitor_manager",
    "host_cluster": "host_manager",
}
REPORT = {"summary": "We learned natural dyeing.", "lessons_learned": "Start small.", "share_summary": True}
