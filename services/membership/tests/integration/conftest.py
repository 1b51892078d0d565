"""An in-process membership service on a fresh database and topic namespace, per test; and the
two implementations of the membership ports (in memory, PostgreSQL) for the contract tests."""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import pytest

from cloth_shared.outbox.writer import OutboxWriter
from cloth_shared.service import Infrastructure, create_app
from cloth_shared.settings import load_settings
from cloth_shared.testing.apps import running
from cloth_shared.testing.examples import MODACC
from cloth_shared.testing.flows import BFA, MembershipFlows, application
from membership.adapters.directory import PostgresDirectory
from membership.adapters.unit_of_work import PostgresMembershipUnitOfWork
from membership.bootstrap import DEFINITION, MIGRATIONS
from membership.config import DEV_ADMIN_EMAIL, DEV_ADMIN_PASSWORD, MembershipSettings

from ..unit.fakes import FakeDirectory, FakeMembershipUnitOfWork
from .repository_examples import Store


@dataclass
class Membership(MembershipFlows):
    """The running service, driven through the platform's shared HTTP flows."""

    infra: Infrastructure | None = None
    MODACC = MODACC
    BFA = BFA

    @staticmethod
    def application(**overrides: Any) -> dict[str, Any]:
        return application(**overrides)


@pytest.fixture
async def membership(
    database_url: str, service_environment: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Membership]:
    monkeypatch.setenv("MEMBERSHIP_DATABASE_URL", database_url)
    # Cheap hashing keeps the suite fast; production uses the defaults (64 MiB, 3 passes).
    monkeypatch.setenv("MEMBERSHIP_ARGON2_TIME_COST", "1")
    monkeypatch.setenv("MEMBERSHIP_ARGON2_MEMORY_KIB", "8192")
    monkeypatch.setenv("MEMBERSHIP_OUTBOX_POLL_INTERVAL_SECONDS", "0.1")
    async with running(create_app(DEFINITION, lambda: load_settings(MembershipSettings))) as (http, infra):
        yield Membership(http, DEV_ADMIN_EMAIL, DEV_ADMIN_PASSWORD, infra=infra)


@pytest.fixture(params=["in memory", "postgresql"])
async def store(request: pytest.FixtureRequest, migrated_pool) -> Store:  # type: ignore[no-untyped-def]
    """Each contract test runs once on the fakes and once on PostgreSQL."""
    if request.param == "in memory":
        fake = FakeMembershipUnitOfWork()
        return Store(fake, FakeDirectory(live=lambda: fake.database.organisations.values()))
    pool: asyncpg.Pool = await migrated_pool(MIGRATIONS)
    uow = PostgresMembershipUnitOfWork(pool, OutboxWriter(producer="membership"))
    return Store(uow, PostgresDirectory(pool))
