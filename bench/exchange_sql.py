"""Exchange's baselines for bench/sql_driver.py: the service's own SQL through asyncpg, no framework.

- catalogue: SEARCH_OFFERS with the same filters the service is sent (country + activity kind,
  rotating), a page of 20;
- suggestions: the visitor, the ranking in SQL (SUGGESTION_CANDIDATES: the 20 best and those within
  rounding of the 20th, with their bookings in the wanted week), then the domain's pure scoring
  (`matching.suggest`) of those rows and the 20 best as JSON;
- approve: what POST /exchanges/{id}/approval writes, in one transaction: lock the exchange, read
  its programme and the slots taken, take the slot (guarded UPDATE), update the four columns the
  step changes, append its one history entry, count it in the figures, insert the
  ExchangeApproved outbox row.
"""

import itertools
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from uuid import UUID, uuid4

import asyncpg

from cloth_shared.outbox.writer import INSERT_OUTBOX_ROW
from exchange.adapters import exchange_queries, offer_queries, queries
from exchange.adapters.offer_repository import offer_from
from exchange.adapters.repositories import party_from
from exchange.domain import matching
from exchange.domain.programme import Window

CATALOGUE_FILTERS = [
    (country, kind)
    for country in ("ES", "BG", "FR", "RO", "DK")
    for kind in ("capacity_building", "knowledge_sharing", "research_and_development", "market_research")
]
WISH = Window(date(2027, 3, 1), date(2027, 3, 5))
APPROVER = UUID("0b1c0000-0000-4000-8000-0000000000aa")
_turn = itertools.count()


def catalogue_path(n: int) -> str:
    country, kind = CATALOGUE_FILTERS[n % len(CATALOGUE_FILTERS)]
    return f"/hosting-offers?country={country}&activity_kind={kind}&limit=20"


def suggestions_path(organisation_id: UUID) -> str:
    return f"/organisations/{organisation_id}/suggested-hosts?first_day={WISH.first}&last_day={WISH.last}"


async def prepare(pool: asyncpg.Pool) -> None:
    """Nothing to prepare: statements are prepared by asyncpg on first use, in the warm-up."""


async def _catalogue(connection: asyncpg.Connection, _: UUID | None) -> None:
    country, kind = CATALOGUE_FILTERS[next(_turn) % len(CATALOGUE_FILTERS)]
    rows = await connection.fetch(
        offer_queries.SEARCH_OFFERS, country, None, None, kind, None, None, None, None, 20, 0
    )
    assert rows


async def _suggestions(connection: asyncpg.Connection, visitor_id: UUID | None) -> None:
    row = await connection.fetchrow(queries.GET_ORGANISATION, visitor_id)
    assert row is not None
    visitor = party_from(row)
    here = visitor.coordinates
    rows = await connection.fetch(
        offer_queries.SUGGESTION_CANDIDATES,
        visitor.organisation_id,
        visitor.country,
        sorted(visitor.value_chains),
        sorted(visitor.languages),
        None if here is None else here.latitude,
        None if here is None else here.longitude,
        [],
        WISH.first,
        WISH.last,
        20,
    )
    offers = [offer_from(r) for r in rows]
    booked = {r["id"]: r["booked"] or 0 for r in rows}
    found = matching.suggest(offers, matching.Wish(visitor, WISH), booked=booked, limit=20)
    body = [
        {
            "offer_id": str(s.offer.id),
            "host": s.offer.host.legal_name,
            "score": s.score,
            "parts": [
                {"name": p.name, "points": p.points, "out_of": p.out_of, "why": p.why} for p in s.parts
            ],
        }
        for s in found
    ]
    assert json.dumps(body)


async def _approve(connection: asyncpg.Connection, exchange_id: UUID | None) -> None:
    async with connection.transaction():
        row = await connection.fetchrow(exchange_queries.LOCK_EXCHANGE, exchange_id)
        if row is None or row["state"] != "commitment_agreed":
            raise RuntimeError(f"exchange {exchange_id} is not ready to approve")
        programme_id, category = row["programme_id"], row["slot_category"]
        assert await connection.fetchrow(queries.GET_PROGRAMME, programme_id) is not None
        await connection.fetchval(queries.SLOTS_TAKEN, programme_id, category)
        if await connection.fetchval(queries.TAKE_SLOT, programme_id, category) is None:
            raise RuntimeError("quota exhausted")
        now = datetime.now(UTC)
        version = row["version"] + 1
        changed = {"state": "approved", "approved_at": now, "approved_by": APPROVER, "version": version}
        update = exchange_queries.update_exchange(tuple(changed))
        await connection.execute(update, exchange_id, *changed.values())
        position = len(json.loads(row["history"]))
        entry = [[position], ["approve"], [now], [APPROVER], ["approved"], [None]]
        await connection.execute(exchange_queries.APPEND_HISTORY, exchange_id, *entry)
        await connection.execute(queries.ADD_TO_CLUSTER, programme_id, row["visitor_cluster_id"], 1, 0)
        await connection.execute(
            queries.ADD_TO_FLOW, programme_id, row["visitor_country"], row["host_country"], 1, 0
        )
        lump_sum = json.loads(row["lump_sum"])
        event_id = uuid4()
        envelope = {
            "event_id": str(event_id),
            "event_type": "ExchangeApproved",
            "event_version": 1,
            "occurred_at": now.isoformat(),
            "producer": "exchange",
            "correlation_id": str(uuid4()),
            "causation_id": None,
            "subject_key": str(exchange_id),
            "payload": {
                "exchange": {
                    "exchange_id": str(exchange_id),
                    "programme_id": str(programme_id),
                    **{
                        f"{side}_{field}": str(row[f"{side}_{field}"])
                        for side in ("visitor", "host")
                        for field in ("organisation_id", "category", "country", "cluster_id")
                    },
                    "slot_category": category,
                    "first_day": row["first_day"].isoformat(),
                    "last_day": row["last_day"].isoformat(),
                    "activity_kind": row["activity_kind"],
                    "group_mission_id": None,
                },
                "approved_by": str(APPROVER),
                "approved_at": now.isoformat(),
                "lump_sum": {
                    "amount_eur": lump_sum["amount"],
                    "cap_eur": lump_sum["cap"],
                    "working_days": lump_sum["working_days"],
                    "distance_km": (lump_sum["distance"] or {}).get("km"),
                    "distance_source": (lump_sum["distance"] or {}).get("source"),
                    "halved_reasons": lump_sum["halved_reasons"],
                },
            },
        }
        headers = {"event_type": "ExchangeApproved", "event_version": "1", "event_id": str(event_id)}
        await connection.execute(
            INSERT_OUTBOX_ROW,
            event_id,
            "ExchangeApproved",
            "exchange.exchanges",
            str(exchange_id),
            json.dumps(envelope),
            json.dumps(headers),
        )


KINDS: dict[str, Callable[[asyncpg.Connection, UUID | None], Awaitable[None]]] = {
    "catalogue": _catalogue,
    "suggestions": _suggestions,
    "approve": _approve,
}
ONCE = frozenset({"approve"})
