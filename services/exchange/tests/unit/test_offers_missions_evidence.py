"""Hosting offers, suggestions, group missions and evidence as use cases on the fakes."""

from dataclasses import replace
from datetime import date

import pytest

from cloth_shared.contracts import exchange as contract
from cloth_shared.errors import NotFound
from exchange.domain.access import Forbidden
from exchange.domain.errors import InvalidTransition
from exchange.domain.evidence import EvidenceLimitReached, MediaType, UnsupportedEvidence
from exchange.domain.missions import MissionFull
from exchange.domain.programme import Window
from exchange.domain.records import DayPlan
from exchange.domain.vocabulary import ActivityKind
from exchange.service_layer import approval, evidence, missions, offers
from exchange.service_layer.queries import OfferQuery

from .fakes import FakeEvidenceStorage
from .world import FIRST_DAY, LAST_DAY, World, a_party

SPRING = Window(date(2027, 3, 1), date(2027, 5, 31))
PDF = b"%PDF-1.7\n" + b"x" * 100


def an_offer(world: World, **changes: object) -> offers.PublishOffer:
    values: dict[str, object] = {
        "host_organisation_id": world.host.organisation_id,
        "title": "Natural dyeing",
        "topics": ("dyes",),
        "activity_kinds": frozenset({ActivityKind.KNOWLEDGE_SHARING}),
        "languages": frozenset({"en"}),
        "periods": (SPRING,),
        "capacity": 1,
    }
    return offers.PublishOffer(**{**values, **changes})  # type: ignore[arg-type]


async def test_the_hosts_people_publish_an_offer_and_it_is_announced() -> None:
    world = await World().start()
    with pytest.raises(Forbidden):
        await offers.publish_offer(world.uow, world.visitor_person, an_offer(world), clock=world.clock)
    offer = await offers.publish_offer(world.uow, world.host_person, an_offer(world), clock=world.clock)
    published = world.uow.events[-1]
    assert isinstance(published, contract.HostingOfferPublished) and published.offer.offer_id == offer.id
    assert [o.id for o in await offers.search_offers(world.uow, OfferQuery(country="ES"))] == [offer.id]
    await offers.withdraw_offer(world.uow, world.host_person, offer.id, clock=world.clock)
    with pytest.raises(NotFound):
        await offers.get_offer(world.uow, offer.id)


async def test_suggestions_rank_offers_with_the_parts_of_their_score_and_count_booked_places() -> None:
    world = await World().start()
    far = a_party(country="DK", coordinates=None, languages=frozenset({"da"}))
    await world.know(far)
    near = await offers.publish_offer(world.uow, world.host_person, an_offer(world), clock=world.clock)
    far_person = replace(world.host_person, organisation_id=far.organisation_id)
    await offers.publish_offer(
        world.uow, far_person, an_offer(world, host_organisation_id=far.organisation_id), clock=world.clock
    )
    ranked = await offers.suggest_hosts(
        world.uow, world.visitor_person, world.visitor.organisation_id, SPRING
    )
    assert ranked[0].offer.id == near.id
    assert {p.name for p in ranked[0].parts} == {
        "shared_value_chains",
        "activity_kinds",
        "languages",
        "other_country",
        "distance",
        "free_capacity",
    }
    await world.requested(hosting_offer_id=near.id, host_organisation_id=None)
    again = await offers.suggest_hosts(
        world.uow, world.visitor_manager, world.visitor.organisation_id, SPRING
    )
    capacity = next(p for s in again if s.offer.id == near.id for p in s.parts if p.name == "free_capacity")
    assert capacity.points == 0.0
    with pytest.raises(Forbidden):
        await offers.suggest_hosts(world.uow, world.host_manager, world.visitor.organisation_id, SPRING)


async def test_visitors_from_several_countries_join_a_group_mission_until_it_is_full() -> None:
    world = await World().start()
    command = missions.CreateMission(
        world.programme_id,
        world.host.organisation_id,
        "Trade fair",
        FIRST_DAY,
        LAST_DAY,
        (DayPlan(FIRST_DAY, "fair"),),
        2,
    )
    mission = await missions.create_mission(world.uow, world.host_person, command, clock=world.clock)
    visitors = [
        World(
            uow=world.uow,
            clock=world.clock,
            programme=world.programme,
            host=world.host,
            visitor=a_party(country=c),
        )
        for c in ("PT", "BG", "FR")
    ]
    for v in visitors:
        await v.know(v.visitor)
    for v in visitors[:2]:
        joined = await v.requested(
            mission_id=mission.id, host_organisation_id=None, first_day=None, last_day=None
        )
        assert (joined.mission_id, joined.first_day) == (mission.id, FIRST_DAY)
    with pytest.raises(MissionFull):
        await visitors[2].requested(
            mission_id=mission.id, host_organisation_id=None, first_day=None, last_day=None
        )
    seen, joined_exchanges = await missions.view_mission(world.uow, mission.id)
    assert seen.free_places == 0 and {e.visitor.country for e in joined_exchanges} == {"PT", "BG"}


async def test_evidence_is_typed_by_its_content_counted_and_downloaded_by_parties_and_managers_only() -> None:
    world = await World().start()
    exchange = await world.approved()
    storage = FakeEvidenceStorage()

    async def upload(content: bytes, name: str = "report.pdf"):  # type: ignore[no-untyped-def]
        return await evidence.upload_evidence(
            world.uow,
            storage,
            world.visitor_person,
            exchange.id,
            filename=name,
            content=content,
            clock=world.clock,
        )

    with pytest.raises(InvalidTransition):
        await upload(PDF)  # not started yet
    world.clock.set(FIRST_DAY)
    await approval.start(world.uow, world.visitor_person, exchange.id, clock=world.clock)
    with pytest.raises(UnsupportedEvidence):
        await upload(b"MZ not a pdf", "innocent.pdf")
    png = await upload(b"\x89PNG\r\n\x1a\n" + b"\x00" * 10, "../../photo.pdf")
    assert (png.media_type, png.filename) == (MediaType.PNG, "photo.pdf")
    for _ in range(9):
        await upload(PDF)
    with pytest.raises(EvidenceLimitReached):
        await upload(PDF)
    file, content = await evidence.download_evidence(
        world.uow, storage, world.host_manager, exchange.id, png.id
    )
    assert content.startswith(b"\x89PNG") and file.sha256 == png.sha256
    for somebody in (world.admin, world.stranger):
        with pytest.raises(Forbidden):
            await evidence.download_evidence(world.uow, storage, somebody, exchange.id, png.id)
