"""The last free slots of a quota, raced for by hundreds of approvals on two replicas of the service
sharing one PostgreSQL: exactly as many succeed as there were slots, the others are refused with
`quota-exhausted`, nothing is half written and no refused approval is announced."""

import asyncio
from collections import Counter
from dataclasses import replace
from uuid import UUID

import httpx
import pytest

from cloth_shared.testing.databases import throwaway_database
from exchange.domain.exchanges import Exchange
from exchange.domain.programme import Programme

from ..unit.domain import builders as b
from .api import TOKENS, Api, exchange_service

pytestmark = pytest.mark.integration

SLOTS = 75
ALREADY_TAKEN = 72  # the race is for the last three
RACERS = 300


def agreed_exchanges(programme: Programme, count: int) -> list[Exchange]:
    """Exchanges ready for approval, each of its own visitor (a visitor visits once)."""
    return [b.agreed(b.a_candidate(programme=programme)) for _ in range(count)]


async def seed(api: Api, programme: Programme, exchanges: list[Exchange]) -> None:
    async with api.uow() as uow:
        await uow.programmes.add(programme)
        for exchange in exchanges:
            await uow.exchanges.add(exchange)
        await uow.commit()


async def approve(client: httpx.AsyncClient, api: Api, exchange_id: UUID) -> httpx.Response:
    return await client.post(f"/exchanges/{exchange_id}/approval", headers=api.as_("admin"))


async def test_hundreds_of_approvals_for_the_last_slots_exactly_fill_the_quota(infra) -> None:  # type: ignore[no-untyped-def]
    async with (
        throwaway_database(infra.database_admin_url, "quotarace") as database_url,
        exchange_service(infra, database_url, database_pool_max="20") as (first, started, clock),
        exchange_service(infra, database_url, database_pool_max="20") as (second, _, _),
    ):
        api = Api(first, started, clock)
        programme = replace(b.a_programme(), created_at=b.NOW)
        waiting = agreed_exchanges(programme, ALREADY_TAKEN + RACERS + 1)
        await seed(api, programme, waiting)
        for exchange in waiting[:ALREADY_TAKEN]:
            assert (await approve(first, api, exchange.id)).status_code == 200
        racers, late = waiting[ALREADY_TAKEN:-1], waiting[-1]

        answers = await asyncio.gather(
            *(approve(first if i % 2 else second, api, e.id) for i, e in enumerate(racers))
        )

        outcomes = Counter((a.status_code, a.json().get("code")) for a in answers)
        assert outcomes == {(200, None): SLOTS - ALREADY_TAKEN, (409, "quota-exhausted"): RACERS - 3}
        pool = started.pool
        assert await pool.fetchval("SELECT taken FROM programme_quotas WHERE category = 'sme'") == SLOTS
        assert await pool.fetchval("SELECT count(*) FROM exchanges WHERE state = 'approved'") == SLOTS
        assert await pool.fetchval("SELECT count(*) FROM exchange_history WHERE step = 'approve'") == SLOTS
        assert (
            await pool.fetchval("SELECT count(*) FROM outbox WHERE event_type = 'ExchangeApproved'") == SLOTS
        )
        assert await pool.fetchval("SELECT sum(approved) FROM figures_by_cluster") == SLOTS
        assert await pool.fetchval(HALF_WRITTEN) == 0

        winner = next(e for e, a in zip(racers, answers, strict=True) if a.status_code == 200)
        refused = [e for e, a in zip(racers, answers, strict=True) if a.status_code == 409]
        assert (await approve(first, api, late.id)).json()["code"] == "quota-exhausted"
        cancelled = await first.post(
            f"/exchanges/{winner.id}/cancellation",
            json={"reason": "the visitor fell ill"},
            headers=TOKENS.member_of(winner.visitor.organisation_id),
        )
        assert cancelled.status_code == 200, cancelled.text
        assert (await approve(second, api, refused[0].id)).status_code == 200
        assert (await approve(first, api, refused[1].id)).json()["code"] == "quota-exhausted"
        assert await pool.fetchval("SELECT taken FROM programme_quotas WHERE category = 'sme'") == SLOTS


# An exchange whose state and history disagree, or an approval announced for an unapproved one.
HALF_WRITTEN = """
SELECT count(*) FROM exchanges e
WHERE (e.state = 'approved') <> EXISTS (
          SELECT 1 FROM exchange_history h WHERE h.exchange_id = e.id AND h.step = 'approve')
   OR (e.state = 'approved') <> EXISTS (
          SELECT 1 FROM outbox o WHERE o.message_key = e.id::text AND o.event_type = 'ExchangeApproved')
   OR (e.state = 'approved') <> (e.approved_at IS NOT NULL)
"""
