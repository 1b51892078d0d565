"""The two implementations of the exchange ports, for contract tests that run the same cases on
both: the fake the use-case tests rely on cannot drift from PostgreSQL."""

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from cloth_shared.outbox.writer import OutboxWriter
from exchange.adapters.unit_of_work import PostgresExchangeUnitOfWork
from exchange.bootstrap import MIGRATIONS
from exchange.service_layer.ports import ExchangeUnitOfWork

from ..unit.fakes import FakeExchangeUnitOfWork

UnitOfWorkFactory = Callable[[], ExchangeUnitOfWork]


@pytest.fixture(params=["fake", "postgres"])
async def new_uow(request: pytest.FixtureRequest, migrated_pool) -> UnitOfWorkFactory:  # type: ignore[no-untyped-def]
    if request.param == "fake":
        fake = FakeExchangeUnitOfWork()
        return lambda: fake
    pool = await migrated_pool(MIGRATIONS)
    return lambda: PostgresExchangeUnitOfWork(pool, OutboxWriter(producer="exchange"))


async def committed(new_uow: UnitOfWorkFactory, work: Callable[[ExchangeUnitOfWork], Awaitable[Any]]) -> Any:
    """Run `work` in a unit of work and commit it; its result."""
    async with new_uow() as uow:
        result = await work(uow)
        await uow.commit()
    return result


async def read(new_uow: UnitOfWorkFactory, work: Callable[[ExchangeUnitOfWork], Awaitable[Any]]) -> Any:
    async with new_uow() as uow:
        return await work(uow)


@pytest.fixture
async def api(infra, database_url: str):  # type: ignore[no-untyped-def]
    """The service over HTTP on a fresh database, with a programme and its two organisations."""
    from .api import Api, exchange_service

    async with exchange_service(infra, database_url) as (client, started, clock):
        running = Api(client, started, clock)
        await running.programme()
        yield running
