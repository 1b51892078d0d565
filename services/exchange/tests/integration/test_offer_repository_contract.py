"""Hosting offers, group missions and evidence records: the fake and PostgreSQL keep one contract."""

from dataclasses import replace
from datetime import date, timedelta
from uuid import uuid4

import pytest

from exchange.domain import exchanges
from exchange.domain.evidence import EvidenceFile, MediaType
from exchange.domain.matching import HostingOffer
from exchange.domain.missions import create_mission
from exchange.domain.parties import Party
from exchange.domain.programme import Window
from exchange.domain.records import DayPlan
from exchange.domain.vocabulary import ActivityKind, Category
from exchange.service_layer.queries import OfferQuery

from ..unit.domain import builders as b
from .conftest import UnitOfWorkFactory, committed, read

pytestmark = pytest.mark.integration
SPRING, AUTUMN = Window(date(2027, 3, 1), date(2027, 5, 31)), Window(date(2027, 9, 1), date(2027, 10, 31))


def an_offer(host: Party, **changes: object) -> HostingOffer:
    offer = HostingOffer(
        id=uuid4(),
        host=host,
        title="Natural dyeing",
        topics=("natural dyes",),
        activity_kinds=frozenset({ActivityKind.KNOWLEDGE_SHARING}),
        languages=frozenset({"en", "es"}),
        periods=(SPRING, AUTUMN),
        capacity=2,
        published_at=b.NOW,
        published_by=b.PERSON,
    )
    return replace(offer, **changes)  # type: ignore[arg-type]


async def known(new_uow: UnitOfWorkFactory, *parties: Party) -> None:
    for party in parties:
        await committed(new_uow, lambda u, p=party: u.organisations.remember(p, as_of=b.NOW))


async def test_an_offer_is_read_back_with_its_host_as_known_now_until_withdrawn(
    new_uow: UnitOfWorkFactory,
) -> None:
    host = b.a_host(value_chains=frozenset({"circular_economy"}), legal_name="Tints Igualada")
    await known(new_uow, host)
    offer = an_offer(host)
    await committed(new_uow, lambda u: u.offers.add(offer))
    assert await read(new_uow, lambda u: u.offers.get(offer.id)) == offer
    moved = replace(host, region="ES511")
    await committed(new_uow, lambda u: u.organisations.remember(moved, as_of=b.NOW + timedelta(1)))
    assert (await read(new_uow, lambda u: u.offers.get(offer.id))).host == moved
    await committed(new_uow, lambda u: u.offers.withdraw(offer.id, at=b.NOW))
    assert await read(new_uow, lambda u: u.offers.get(offer.id)) is None


async def test_the_catalogue_filters_on_host_and_offer_in_a_stable_newest_first_order(
    new_uow: UnitOfWorkFactory,
) -> None:
    spain = b.a_host(value_chains=frozenset({"fashion_textile"}))
    denmark = b.a_host(country="DK", category=Category.LARGE_COMPANY, languages=frozenset({"da"}))
    gone = b.a_host(country="FR", is_active=False)
    await known(new_uow, spain, denmark, gone)
    older = an_offer(spain, published_at=b.NOW - timedelta(days=1))
    newer = an_offer(
        denmark, activity_kinds=frozenset({ActivityKind.NETWORKING}), languages=frozenset({"da"})
    )
    twin = replace(newer, id=uuid4())
    inactive = an_offer(gone)
    for offer in (older, newer, twin, inactive):
        await committed(new_uow, lambda u, o=offer: u.offers.add(o))

    async def ids(**criteria: object) -> list:  # type: ignore[type-arg]
        return [o.id for o in await read(new_uow, lambda u: u.offers.search(OfferQuery(**criteria)))]  # type: ignore[arg-type]

    assert await ids() == [*sorted([newer.id, twin.id], key=str), older.id]
    assert await ids(country="ES") == [older.id]
    assert await ids(category=Category.LARGE_COMPANY, limit=1) == [min([newer.id, twin.id], key=str)]
    assert await ids(value_chain="fashion_textile") == [older.id]
    assert await ids(activity_kind=ActivityKind.KNOWLEDGE_SHARING) == [older.id]
    assert await ids(language="es") == [older.id]
    assert await ids(period=Window(date(2027, 6, 1), date(2027, 6, 30))) == []
    assert await ids(period=Window(date(2027, 5, 30), date(2027, 6, 30)), country="ES") == [older.id]
    assert await ids(host_organisation_id=spain.organisation_id) == [older.id]
    elsewhere = await read(new_uow, lambda u: u.offers.hosting_elsewhere("DK"))
    assert [o.id for o in elsewhere] == [older.id]


async def test_a_mission_is_read_back_with_the_exchanges_that_hold_a_place(
    new_uow: UnitOfWorkFactory,
) -> None:
    programme = b.a_programme()
    await committed(new_uow, lambda u: u.programmes.add(programme))
    host = b.a_host()
    mission = create_mission(
        mission_id=uuid4(),
        programme_id=programme.id,
        host_organisation_id=host.organisation_id,
        title="Trade fair",
        first_day=b.FIRST_DAY,
        last_day=b.LAST_DAY,
        agenda=(DayPlan(b.FIRST_DAY, "fair"),),
        capacity=3,
        at=b.NOW,
        by=b.PERSON,
    )
    await committed(new_uow, lambda u: u.missions.add(mission))
    joined = replace(b.requested(b.a_candidate(programme=programme, host=host)), mission_id=mission.id)
    left = exchanges.cancel(
        replace(b.requested(b.a_candidate(programme=programme, host=host)), mission_id=mission.id),
        reason="ill",
        at=b.NOW,
        by=b.PERSON,
    ).exchange
    for e in (joined, left):
        await committed(new_uow, lambda u, e=e: u.exchanges.add(e))
    expected = replace(mission, exchange_ids=(joined.id,))
    assert await read(new_uow, lambda u: u.missions.get(mission.id, for_update=True)) == expected
    assert await read(new_uow, lambda u: u.missions.in_programme(programme.id)) == [expected]


async def test_evidence_records_are_listed_in_upload_order_per_exchange(new_uow: UnitOfWorkFactory) -> None:
    programme = b.a_programme()
    await committed(new_uow, lambda u: u.programmes.add(programme))
    exchange = b.requested(b.a_candidate(programme=programme))
    await committed(new_uow, lambda u: u.exchanges.add(exchange))
    files = [
        EvidenceFile(
            uuid4(),
            exchange.id,
            f"photo-{i}.png",
            MediaType.PNG,
            10,
            "ab" * 32,
            b.NOW + timedelta(i),
            b.PERSON,
        )
        for i in range(2)
    ]
    for file in reversed(files):
        await committed(new_uow, lambda u, f=file: u.evidence.add(f))
    assert await read(new_uow, lambda u: u.evidence.of_exchange(exchange.id)) == files
    assert await read(new_uow, lambda u: u.evidence.get(exchange.id, files[0].id)) == files[0]
    assert await read(new_uow, lambda u: u.evidence.get(uuid4(), files[0].id)) is None
