"""The suggestion ranking computed in SQL agrees with the documented score (`matching.score`).

A varied catalogue (hosts in five countries, some inactive or without coordinates, offers with
different kinds, languages, periods and capacities, some withdrawn, some fully booked) is ranked
for many wishes. For each: every SQL total is the domain's total within its rounding, the SQL
order is the domain's order (up to offers whose totals are within that rounding), and scoring
the SQL's rows gives exactly what scoring every candidate gives (the answer before the ranking
moved to SQL).
"""

import random
from dataclasses import replace
from datetime import UTC, date, datetime
from itertools import pairwise
from uuid import UUID

import asyncpg
import pytest

from cloth_shared.outbox.writer import OutboxWriter
from exchange.adapters import offer_queries
from exchange.adapters.unit_of_work import PostgresExchangeUnitOfWork
from exchange.bootstrap import MIGRATIONS
from exchange.domain import exchanges, matching
from exchange.domain.matching import HostingOffer, Suggestion, Wish
from exchange.domain.parties import Coordinates, Party
from exchange.domain.programme import Window
from exchange.domain.vocabulary import ActivityKind, Category

from ..unit.domain import builders as b

pytestmark = pytest.mark.integration

COUNTRIES = {
    "ES": (41.58, 1.62),
    "BG": (43.84, 25.97),
    "FR": (43.30, 5.37),
    "RO": (47.16, 27.60),
    "DK": (56.14, 8.97),
}
CHAINS = ("fashion_textile", "circular_economy", "creative_industries", "digital_technology")
LANGUAGES = ("en", "es", "fr", "bg", "ro", "da")
ROUNDING = 0.1503  # how far the domain's rounded total can be from the unrounded SQL one
LIMIT = 10


def _some(rng: random.Random, items: tuple[str, ...], most: int, least: int = 0) -> frozenset[str]:
    return frozenset(rng.sample(items, rng.randint(least, most)))


def _party(rng: random.Random, n: int) -> Party:
    country = rng.choice(sorted(COUNTRIES))
    lat, lon = COUNTRIES[country]
    located = rng.random() > 0.1
    return Party(
        organisation_id=UUID(int=rng.getrandbits(128)),
        category=rng.choice(list(Category)),
        country=country,
        cluster_id=UUID(int=n + 1),
        is_active=rng.random() > 0.1,
        coordinates=Coordinates(lat + rng.uniform(-3, 3), lon + rng.uniform(-3, 3)) if located else None,
        value_chains=_some(rng, CHAINS, 4),
        languages=_some(rng, LANGUAGES, 3),
        legal_name=f"Organisation {n}",
    )


def _offer(rng: random.Random, host: Party) -> HostingOffer:
    def window() -> Window:
        first = date(2027, rng.randint(1, 11), rng.randint(1, 28))
        return Window(first, date.fromordinal(first.toordinal() + rng.randint(0, 60)))

    return HostingOffer(
        id=UUID(int=rng.getrandbits(128)),
        host=host,
        title="An offer",
        topics=(),
        activity_kinds=frozenset(ActivityKind(k) for k in _some(rng, tuple(ActivityKind), 3, 1)),
        languages=_some(rng, LANGUAGES, 2),
        periods=tuple(window() for _ in range(rng.randint(1, 2))),
        capacity=rng.randint(1, 3),
        published_at=datetime(2026, 9, 1, tzinfo=UTC),
        published_by=b.PERSON,
    )


async def test_the_sql_ranking_agrees_with_the_documented_score(migrated_pool) -> None:  # type: ignore[no-untyped-def]
    pool: asyncpg.Pool = await migrated_pool(MIGRATIONS)
    rng = random.Random(20261130)
    parties = [_party(rng, n) for n in range(120)]
    offers = [_offer(rng, rng.choice(parties)) for _ in range(400)]
    withdrawn = {offer.id for offer in offers if rng.random() < 0.1}
    programme = b.a_programme()
    new_uow = lambda: PostgresExchangeUnitOfWork(pool, OutboxWriter(producer="exchange"))  # noqa: E731
    async with new_uow() as uow:
        for party in parties:
            await uow.organisations.remember(party, as_of=b.NOW)
        await uow.programmes.add(programme)
        for offer in offers:
            await uow.offers.add(offer)
            if offer.id in withdrawn:
                await uow.offers.withdraw(offer.id, at=b.NOW)
        # Visitors already coming through offers: some fill them, some are declined (not counted).
        for offer in rng.sample(offers, 150):
            period = rng.choice(offer.periods)
            for _ in range(rng.randint(1, offer.capacity)):
                candidate = b.a_candidate(programme=programme)
                if rng.random() < 0.2:
                    declined = exchanges.decline(b.requested(candidate), reason="no", at=b.NOW, by=b.PERSON)
                    exchange = declined.exchange
                else:
                    exchange = b.accepted(candidate)
                await uow.exchanges.add(
                    replace(exchange, hosting_offer_id=offer.id, first_day=period.first, last_day=period.last)
                )
        await uow.commit()

    visitors = [p for p in parties if p.category in matching.MAY_VISIT][:30]
    cut_somewhere = False
    for k, visitor in enumerate(visitors):
        kinds = frozenset(ActivityKind(x) for x in _some(rng, tuple(ActivityKind), 2))
        first = date(2027, rng.randint(1, 12), rng.randint(1, 20))
        wish = Wish(visitor, Window(first, date.fromordinal(first.toordinal() + rng.randint(0, 14))), kinds)
        if k % 5 == 0:
            wish = replace(wish, visitor=replace(visitor, coordinates=None))
        async with new_uow() as uow:
            found = await uow.offers.suggestion_candidates(wish, limit=LIMIT)
            everything = await uow.offers.hosting_elsewhere(visitor.country)
            booked = await uow.exchanges.booked([o.id for o in everything], wish.period)
        sql_scores = await _sql_scores(pool, wish)

        # Totals: each SQL total is the domain's, within the domain's rounding.
        scored: list[Suggestion] = [matching.score(offer, wish, booked=count) for offer, count in found]
        for suggestion in scored:
            assert abs(sql_scores[suggestion.offer.id] - suggestion.score) <= ROUNDING, suggestion
        # Order: the SQL's order is the domain's, but for offers whose totals are within rounding.
        for before, after in pairwise(scored):
            assert after.score <= before.score + 2 * ROUNDING, (before, after)
        # The answer: scoring the SQL's rows is scoring every candidate.
        reference = matching.suggest(everything, wish, booked=booked, limit=LIMIT)
        from_sql = {o.id: n for o, n in found}
        assert matching.suggest([o for o, _ in found], wish, booked=from_sql, limit=LIMIT) == reference
        assert _within_rounding(reference, scored)
        cut_somewhere |= len(found) < len([o for o in everything if matching.may_suggest(o, wish)])
    assert cut_somewhere, "the SQL should leave most candidates out"


def _within_rounding(reference: list[Suggestion], scored: list[Suggestion]) -> bool:
    """The SQL order differs from the domain's only where totals are within rounding."""
    position = {s.offer.id: i for i, s in enumerate(scored)}
    return all(
        position[a.offer.id] < position[b_.offer.id] or abs(a.score - b_.score) <= 2 * ROUNDING
        for a, b_ in pairwise(reference)
    )


async def _sql_scores(pool: asyncpg.Pool, wish: Wish) -> dict[UUID, float]:
    visitor, here = wish.visitor, wish.visitor.coordinates
    rows = await pool.fetch(
        offer_queries.SUGGESTION_CANDIDATES,
        visitor.organisation_id,
        visitor.country,
        sorted(visitor.value_chains),
        sorted(visitor.languages),
        None if here is None else here.latitude,
        None if here is None else here.longitude,
        sorted(str(kind) for kind in wish.activity_kinds),
        wish.period.first,
        wish.period.last,
        LIMIT,
    )
    return {row["id"]: row["score"] for row in rows}
