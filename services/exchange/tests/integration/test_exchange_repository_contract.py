"""Exchanges and their history: the fake and PostgreSQL keep the same promises."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from uuid import uuid4

import pytest

from exchange.domain import closing, commitment, exchanges
from exchange.domain.exchanges import Exchange
from exchange.domain.programme import Programme, Window
from exchange.domain.records import AtRisk, Deadline
from exchange.domain.vocabulary import State
from exchange.service_layer.ports import ExchangeUnitOfWork
from exchange.service_layer.queries import ExchangeQuery

from ..unit.domain import builders as b
from .conftest import UnitOfWorkFactory, committed, read

pytestmark = pytest.mark.integration


async def a_programme(new_uow: UnitOfWorkFactory) -> Programme:
    programme = b.a_programme()
    await committed(new_uow, lambda u: u.programmes.add(programme))
    return programme


def completed(programme: Programme) -> Exchange:
    """An exchange that went all the way, with every nested value filled in."""
    visitor = b.a_party(coordinates=None)
    exchange = b.agreed(b.a_candidate(programme=programme, visitor=visitor))
    exchange = commitment.enter_distance(exchange, Decimal("850.5"), at=b.NOW, by=b.PERSON).exchange
    exchange = exchanges.approve(exchange, programme=programme, slots_taken=0, at=b.NOW, by=b.PERSON).exchange
    exchange = exchanges.start(exchange, at=b.at(b.FIRST_DAY)).exchange
    exchange = closing.submit_report(exchange, b.a_report(), at=b.at(b.LAST_DAY, 18), by=b.PERSON).exchange
    exchange = closing.give_feedback(exchange, "good", at=b.at(b.LAST_DAY, 19), by=uuid4()).exchange
    return closing.validate(exchange, at=b.at(date(2027, 3, 10)), by=b.PERSON).exchange


async def test_an_exchange_is_read_back_exactly_with_its_history(new_uow: UnitOfWorkFactory) -> None:
    programme = await a_programme(new_uow)
    requested = b.requested(b.a_candidate(programme=programme))
    await committed(new_uow, lambda u: u.exchanges.add(requested))
    assert await read(new_uow, lambda u: u.exchanges.get(requested.id)) == requested

    done = replace(completed(programme), flagged=frozenset({Deadline.PAYMENT}))
    at_risk = AtRisk(
        done.host.organisation_id, "host", "The host organisation's membership ended (left).", b.NOW
    )
    done = replace(done, at_risk=at_risk)
    await committed(new_uow, lambda u: u.exchanges.add(replace(done, history=done.history[:2], version=2)))
    await committed(new_uow, lambda u: u.exchanges.save(done))
    assert await read(new_uow, lambda u: u.exchanges.get(done.id, for_update=True)) == done
    assert await read(new_uow, lambda u: u.exchanges.get(uuid4())) is None


async def test_steps_saved_after_a_read_store_what_changed_and_the_new_history(
    new_uow: UnitOfWorkFactory,
) -> None:
    programme = await a_programme(new_uow)
    agreed = b.agreed(b.a_candidate(programme=programme))
    await committed(new_uow, lambda u: u.exchanges.add(agreed))

    async def approve_then_start(u: ExchangeUnitOfWork) -> Exchange:
        # Two steps in one unit of work: each save writes only what its step changed.
        read_back = await u.exchanges.get(agreed.id, for_update=True)
        assert read_back == agreed
        approved = exchanges.approve(read_back, programme=programme, slots_taken=0, at=b.NOW, by=b.PERSON)
        await u.exchanges.save(approved.exchange)
        started = exchanges.start(approved.exchange, at=b.at(b.FIRST_DAY)).exchange
        await u.exchanges.save(started)
        return started

    started = await committed(new_uow, approve_then_start)
    assert await read(new_uow, lambda u: u.exchanges.get(agreed.id)) == started

    async def report(u: ExchangeUnitOfWork) -> Exchange:
        running = await u.exchanges.get(agreed.id, for_update=True)
        assert running is not None
        sent = closing.submit_report(running, b.a_report(), at=b.at(b.LAST_DAY, 18), by=b.PERSON).exchange
        await u.exchanges.save(sent)
        return sent

    sent = await committed(new_uow, report)
    assert await read(new_uow, lambda u: u.exchanges.get(agreed.id)) == sent
    assert len(sent.history) == len(agreed.history) + 3


async def test_visits_count_every_exchange_of_the_visitor_but_declined_and_cancelled(
    new_uow: UnitOfWorkFactory,
) -> None:
    programme = await a_programme(new_uow)
    visitor = b.a_party()
    cand = b.a_candidate(programme=programme, visitor=visitor)
    declined = exchanges.decline(b.requested(cand), at=b.NOW, by=b.PERSON).exchange
    await committed(new_uow, lambda u: u.exchanges.add(declined))
    assert await read(new_uow, lambda u: u.exchanges.visits(programme.id, visitor.organisation_id)) == 0
    await committed(new_uow, lambda u: u.exchanges.add(b.accepted(cand)))
    assert await read(new_uow, lambda u: u.exchanges.visits(programme.id, visitor.organisation_id)) == 1


async def test_open_exchanges_of_an_organisation_are_found_on_either_side(new_uow: UnitOfWorkFactory) -> None:
    programme = await a_programme(new_uow)
    party = b.a_host()
    as_host = b.accepted(b.a_candidate(programme=programme, host=party))
    as_visitor_host = b.a_host(country="DK")
    as_visitor = b.requested(
        b.a_candidate(programme=programme, visitor=replace(party, country="ES"), host=as_visitor_host)
    )
    gone = exchanges.cancel(
        b.requested(b.a_candidate(programme=programme, host=party)), reason="x", at=b.NOW, by=None
    )
    for e in (as_host, as_visitor, gone.exchange):
        await committed(new_uow, lambda u, e=e: u.exchanges.add(e))
    found = await read(new_uow, lambda u: u.exchanges.open_for(party.organisation_id))
    assert [e.id for e in found] == sorted([as_host.id, as_visitor.id])


async def test_find_narrows_by_each_criterion_in_request_order(new_uow: UnitOfWorkFactory) -> None:
    programme = await a_programme(new_uow)
    first = b.requested(b.a_candidate(programme=programme))
    second = replace(b.accepted(b.a_candidate(programme=programme)), requested_at=b.NOW + timedelta(hours=1))
    for e in (second, first):
        await committed(new_uow, lambda u, e=e: u.exchanges.add(e))

    async def ids(query: ExchangeQuery) -> list:  # type: ignore[type-arg]
        return [e.id for e in await read(new_uow, lambda u: u.exchanges.find(query))]

    assert await ids(ExchangeQuery(programme_id=programme.id)) == [first.id, second.id]
    assert await ids(ExchangeQuery(state=State.ACCEPTED, programme_id=programme.id)) == [second.id]
    assert await ids(ExchangeQuery(party=first.host.organisation_id)) == [first.id]
    assert await ids(ExchangeQuery(cluster=second.visitor.cluster_id)) == [second.id]
    assert await ids(ExchangeQuery(programme_id=programme.id, limit=1, offset=1)) == [second.id]


async def test_the_clock_finds_what_is_due_to_start_or_overdue(new_uow: UnitOfWorkFactory) -> None:
    programme = await a_programme(new_uow)
    approved = b.approved(b.a_candidate(programme=programme))
    running = exchanges.start(b.approved(b.a_candidate(programme=programme)), at=b.at(b.FIRST_DAY)).exchange
    for e in (approved, running):
        await committed(new_uow, lambda u, e=e: u.exchanges.add(e))

    async def due(on: date) -> set:  # type: ignore[type-arg]
        return set(await read(new_uow, lambda u: u.exchanges.due(on, limit=10)))

    assert await due(b.FIRST_DAY - timedelta(days=1)) == set()
    assert await due(b.FIRST_DAY) == {approved.id}  # the other one started already
    report_late = b.LAST_DAY + timedelta(days=31)
    assert await due(report_late) == {approved.id, running.id}
    flagged = closing.flag_overdue(running, at=b.at(report_late))
    assert flagged is not None
    await committed(new_uow, lambda u: u.exchanges.save(flagged.exchange))
    assert await due(report_late) == {approved.id}


async def test_visitors_booked_through_an_offer_count_in_the_period_they_overlap(
    new_uow: UnitOfWorkFactory,
) -> None:
    programme = await a_programme(new_uow)
    offer_id = uuid4()
    through_offer = replace(b.accepted(b.a_candidate(programme=programme)), hosting_offer_id=offer_id)
    await committed(new_uow, lambda u: u.exchanges.add(through_offer))
    march, may = Window(date(2027, 3, 4), date(2027, 3, 20)), Window(date(2027, 5, 1), date(2027, 5, 30))
    assert await read(new_uow, lambda u: u.exchanges.booked([offer_id], march)) == {offer_id: 1}
    assert await read(new_uow, lambda u: u.exchanges.booked([offer_id], may)) == {}
