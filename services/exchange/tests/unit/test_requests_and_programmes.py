"""Programmes and requests as use cases: who may, what is refused, and that a refusal stores nothing."""

from dataclasses import replace
from datetime import date

import pytest

from cloth_shared.errors import InvalidInput, NotFound
from exchange.domain.access import Forbidden
from exchange.domain.eligibility import NotEligible
from exchange.domain.programme import ProgrammeClosed
from exchange.domain.vocabulary import Category, State
from exchange.service_layer import approval, programmes, requests

from .world import World, a_party


async def test_only_an_administrator_creates_a_programme_with_the_fashion_clusterxchange_quotas() -> None:
    world = await World().start()
    assert world.programme is not None and world.programme.target == 100
    command = programmes.CreateProgramme(
        "Other", world.programme.application_window, world.programme.activity_window, {}
    )
    with pytest.raises(Forbidden):
        await programmes.create_programme(world.uow, world.visitor_manager, command, clock=world.clock)


async def test_a_refused_request_names_every_failing_rule_and_stores_nothing() -> None:
    world = await World().start()
    bigco = a_party(Category.LARGE_COMPANY, country="ES")
    await world.know(bigco)
    world.visitor = bigco
    world.visitor_person = replace(world.visitor_person, organisation_id=bigco.organisation_id)
    with pytest.raises(NotEligible) as refused:
        await world.requested(first_day=date(2027, 3, 6), last_day=date(2027, 4, 30))
    assert [r.code for r in refused.value.refusals] == [
        "same-country",
        "visitor-category-hosts-only",
        "too-long",
    ]
    assert world.uow.database.exchanges == {} and world.uow.events == []


async def test_a_visitor_visits_once_per_programme_but_may_ask_again_after_a_decline() -> None:
    world = await World().start()
    first = await world.requested()
    with pytest.raises(NotEligible) as refused:
        await world.requested()
    assert [r.code for r in refused.value.refusals] == ["already-visited"]
    await requests.decline(world.uow, world.host_person, first.id, None, clock=world.clock)
    assert (await world.requested()).state is State.REQUESTED


async def test_a_request_for_an_organisation_exchange_has_not_heard_of_is_not_found() -> None:
    world = await World().start()
    stranger = a_party()
    world.visitor_person = replace(world.visitor_person, organisation_id=stranger.organisation_id)
    with pytest.raises(NotFound) as missing:
        await world.requested(visitor_organisation_id=stranger.organisation_id)
    assert missing.value.code == "organisation-not-known"


async def test_only_the_visitors_people_request_for_it() -> None:
    world = await World().start()
    command = world.request_command()
    for somebody in (world.host_person, world.visitor_manager, world.admin, world.stranger):
        with pytest.raises(Forbidden):
            await requests.request_exchange(world.uow, somebody, command, clock=world.clock)


async def test_a_request_needs_a_host_and_dates() -> None:
    world = await World().start()
    with pytest.raises(InvalidInput) as no_host:
        await world.requested(host_organisation_id=None)
    with pytest.raises(InvalidInput) as no_dates:
        await world.requested(first_day=None)
    assert (no_host.value.code, no_dates.value.code) == ("host-missing", "dates-missing")


async def test_a_closed_programme_takes_no_requests_and_no_approvals() -> None:
    world = await World().start()
    agreed = await world.agreed()
    await programmes.close_programme(world.uow, world.admin, world.programme_id, clock=world.clock)
    other = World(uow=world.uow, clock=world.clock, programme=world.programme, host=world.host)
    await other.know(other.visitor)
    with pytest.raises(NotEligible) as refused:
        await other.requested()
    assert [r.code for r in refused.value.refusals] == ["programme-closed"]
    with pytest.raises(ProgrammeClosed):
        await approval.approve(world.uow, world.visitor_manager, agreed.id, clock=world.clock)
