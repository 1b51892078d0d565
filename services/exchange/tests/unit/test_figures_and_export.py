"""Figures kept per change, read without scanning; the CSV export's rows; who may export."""

from datetime import date

import pytest

from exchange.domain.access import Forbidden
from exchange.domain.vocabulary import Category
from exchange.service_layer import closing, exports, figures, requests

from .world import World


async def test_figures_follow_each_change_and_a_cancelled_approval_stops_counting() -> None:
    world = await World().start()
    done = await world.completed()
    await closing.record_payment(world.uow, world.visitor_manager, done.id, clock=world.clock)
    other = World(uow=world.uow, clock=world.clock, programme=world.programme, host=world.host)
    await other.know(other.visitor)
    other.clock.current = world.clock.current.replace(year=2026, month=10)
    approved = await other.approved()
    seen = await figures.programme_figures(world.uow, world.programme_id, clock=world.clock)
    assert (seen.total.approved, seen.total.completed) == (2, 1)
    await requests.cancel(world.uow, other.visitor_person, approved.id, "ill", clock=world.clock)
    seen = await figures.programme_figures(world.uow, world.programme_id, clock=world.clock)
    assert (seen.total.approved, seen.total.completed) == (1, 1)
    assert [(f.from_country, f.to_country, f.approved, f.completed) for f in seen.flows] == [
        ("PT", "ES", 1, 1)
    ]
    assert [(c.cluster_id, c.approved) for c in seen.by_cluster] == [(world.visitor.cluster_id, 1)]


async def test_a_forecast_says_when_each_target_is_reached_at_the_weekly_rate_so_far() -> None:
    world = await World().start()
    await world.completed()  # completed on 10 March 2027; the activity window opened on 1 January
    world.clock.set(date(2027, 3, 12))
    seen = await figures.programme_figures(world.uow, world.programme_id, clock=world.clock)
    sme = next(t for t in seen.categories if t.category is Category.SME)
    assert sme.completed == 1 and sme.completed_by is not None and sme.completed_by > date(2027, 3, 12)
    public_bodies = next(t for t in seen.categories if t.category is Category.PUBLIC_BODY)
    assert public_bodies.completed_by is None  # nothing done yet: never at this rate


async def test_the_export_names_organisations_and_is_for_managers_and_administrators() -> None:
    world = await World().start()
    await world.completed()
    export = await exports.export_exchanges(world.uow, world.host_manager, world.programme_id)
    assert len(export.exchanges) == 1
    assert export.organisation_names[world.visitor.organisation_id] == world.visitor.legal_name
    for somebody in (world.visitor_person, world.host_person, world.stranger):
        with pytest.raises(Forbidden):
            await exports.export_exchanges(world.uow, somebody, world.programme_id)
