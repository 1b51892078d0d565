"""The programme's clock on real PostgreSQL: one replica sweeps at a time under an advisory lock,
each deadline is announced once, and the background task runs with the service."""

import asyncio
from datetime import timedelta

import pytest

from exchange.service_layer import deadlines
from exchange.service_layer.deadlines import SWEEPER_LOCK

from ..unit.world import FIRST_DAY, LAST_DAY
from .api import Api, exchange_service

pytestmark = pytest.mark.integration


async def test_a_missed_report_is_announced_once_however_often_the_clock_sweeps(api: Api) -> None:
    exchange_id = await api.in_progress()
    api.clock.set(LAST_DAY + timedelta(days=31))
    for _ in range(3):
        await deadlines.sweep_all(api.uow, clock=api.clock)
    assert (await api.outbox()).count("ExchangeReportOverdue") == 1
    history = await api.ok("GET", f"/exchanges/{exchange_id}/history", "visitor")
    assert (history[-1]["step"], history[-1]["note"], history[-1]["by"]) == ("flag_overdue", "report", None)


async def test_while_one_replica_holds_the_lock_another_skips_its_pass(api: Api) -> None:
    exchange_id = await api.approved()
    api.clock.set(FIRST_DAY)
    async with api.infra.pool.acquire() as other_replica, other_replica.transaction():
        assert await other_replica.fetchval("SELECT pg_try_advisory_xact_lock($1)", SWEEPER_LOCK)
        skipped = await deadlines.sweep(api.uow(), clock=api.clock)
        assert skipped.skipped and await api.state(exchange_id) == "approved"
    swept = await deadlines.sweep(api.uow(), clock=api.clock)
    assert (swept.skipped, swept.changed) == (False, 1)
    assert await api.state(exchange_id) == "in_progress"


async def test_the_background_sweeper_starts_exchanges_on_the_services_clock(infra, database_url) -> None:  # type: ignore[no-untyped-def]
    async with exchange_service(infra, database_url, run_sweeper="true", sweeper_interval_seconds="0.2") as (
        client,
        started,
        clock,
    ):
        api = Api(client, started, clock)
        await api.programme()
        exchange_id = await api.approved()
        clock.set(FIRST_DAY)
        async with asyncio.timeout(20):
            while await api.state(exchange_id) != "in_progress":
                await asyncio.sleep(0.1)
        assert (await api.outbox())[-1] == "ExchangeStarted"
