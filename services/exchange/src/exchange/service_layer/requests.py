"""Use cases of a request: the visitor asks, the host answers, either side may withdraw."""

from dataclasses import dataclass
from datetime import date
from functools import partial
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import InvalidInput, NotFound
from exchange.domain import access, exchanges, missions
from exchange.domain.eligibility import Candidate
from exchange.domain.exchanges import Exchange
from exchange.domain.missions import GroupMission
from exchange.domain.parties import Party
from exchange.domain.programme import slot_category
from exchange.domain.vocabulary import ActivityKind
from exchange.service_layer.ports import Clock, ExchangeUnitOfWork
from exchange.service_layer.programmes import existing_programme
from exchange.service_layer.transitions import record, take_step


@dataclass(frozen=True, slots=True)
class RequestExchange:
    """The host comes from the mission, the offer, or `host_organisation_id`, in that order;
    a mission also sets the dates."""

    programme_id: UUID
    visitor_organisation_id: UUID
    activity_kind: ActivityKind
    host_organisation_id: UUID | None = None
    first_day: date | None = None
    last_day: date | None = None
    message: str | None = None
    hosting_offer_id: UUID | None = None
    mission_id: UUID | None = None


async def known_organisation(uow: ExchangeUnitOfWork, organisation_id: UUID, *, lock: bool = False) -> Party:
    party = await uow.organisations.get(organisation_id, for_update=lock)
    if party is None:
        raise NotFound(
            "exchange has not (yet) heard of this organisation from membership",
            code="organisation-not-known",
            organisation_id=str(organisation_id),
        )
    return party


async def _mission(uow: ExchangeUnitOfWork, command: RequestExchange) -> GroupMission | None:
    if command.mission_id is None:
        return None
    mission = await uow.missions.get(command.mission_id, for_update=True)
    if mission is None or mission.programme_id != command.programme_id:
        raise NotFound("no such group mission in this programme", code="group-mission-not-found")
    return mission


async def _host_id(uow: ExchangeUnitOfWork, command: RequestExchange, mission: GroupMission | None) -> UUID:
    if mission is not None:
        return mission.host_organisation_id
    if command.hosting_offer_id is not None:
        offer = await uow.offers.get(command.hosting_offer_id)
        if offer is None:
            raise NotFound("no such hosting offer", code="hosting-offer-not-found")
        return offer.host.organisation_id
    if command.host_organisation_id is None:
        raise InvalidInput("say who hosts: a host, a hosting offer or a group mission", code="host-missing")
    return command.host_organisation_id


def _dates(command: RequestExchange, mission: GroupMission | None) -> tuple[date, date]:
    if mission is not None:
        return mission.first_day, mission.last_day
    if command.first_day is None or command.last_day is None:
        raise InvalidInput("an exchange needs its first and last day", code="dates-missing")
    return command.first_day, command.last_day


async def _candidate(
    uow: ExchangeUnitOfWork, command: RequestExchange, mission: GroupMission | None, today: date
) -> Candidate:
    """The request and every fact the eligibility rules look at."""
    programme = await existing_programme(uow, command.programme_id)
    # Locked: two requests of one visitor at once cannot both pass the once-only rule.
    visitor = await known_organisation(uow, command.visitor_organisation_id, lock=True)
    host = await known_organisation(uow, await _host_id(uow, command, mission))
    first_day, last_day = _dates(command, mission)
    category = slot_category(visitor.category, host.category)
    return Candidate(
        programme=programme,
        visitor=visitor,
        host=host,
        first_day=first_day,
        last_day=last_day,
        requested_on=today,
        visits_so_far=await uow.exchanges.visits(programme.id, visitor.organisation_id),
        slots_taken=await uow.quotas.taken(programme.id, category),
    )


async def request_exchange(
    uow: ExchangeUnitOfWork, caller: Principal, command: RequestExchange, *, clock: Clock
) -> Exchange:
    """The visitor's people ask; refused with every failing eligibility rule, storing nothing."""
    access.request_exchange(caller, command.visitor_organisation_id)
    now = clock.now()
    async with uow:
        mission = await _mission(uow, command)
        outcome = exchanges.request(
            await _candidate(uow, command, mission, now.date()),
            exchange_id=uuid4(),
            activity_kind=command.activity_kind,
            at=now,
            by=caller.subject,
            message=command.message,
            hosting_offer_id=command.hosting_offer_id,
            mission_id=command.mission_id,
        )
        if mission is not None:
            missions.join(mission, outcome.exchange.id)  # refused when the mission is full
        exchange = await record(uow, None, outcome)
        await uow.commit()
    return exchange


async def accept(uow: ExchangeUnitOfWork, caller: Principal, exchange_id: UUID, *, clock: Clock) -> Exchange:
    """The host's people agree to receive the visitor."""
    return await take_step(
        uow,
        exchange_id,
        partial(access.answer_request, caller),
        lambda e: exchanges.accept(e, at=clock.now(), by=caller.subject),
    )


async def decline(
    uow: ExchangeUnitOfWork, caller: Principal, exchange_id: UUID, reason: str | None, *, clock: Clock
) -> Exchange:
    """The host's people say no, with a reason if they give one."""
    return await take_step(
        uow,
        exchange_id,
        partial(access.answer_request, caller),
        lambda e: exchanges.decline(e, reason=reason, at=clock.now(), by=caller.subject),
    )


async def cancel(
    uow: ExchangeUnitOfWork, caller: Principal, exchange_id: UUID, reason: str, *, clock: Clock
) -> Exchange:
    """Either side withdraws before the start; an approved exchange gives its slot back."""
    return await take_step(
        uow,
        exchange_id,
        partial(access.cancel, caller),
        lambda e: exchanges.cancel(e, reason=reason, at=clock.now(), by=caller.subject),
    )
