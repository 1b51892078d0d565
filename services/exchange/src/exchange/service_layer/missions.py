"""Use cases of group missions: a host creates one; visitors join by requesting an exchange."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotFound
from exchange.domain import access, missions
from exchange.domain.eligibility import Stay, check_dates, require
from exchange.domain.exchanges import Exchange
from exchange.domain.missions import GroupMission
from exchange.domain.programme import ProgrammeClosed
from exchange.domain.records import DayPlan
from exchange.service_layer.ports import Clock, ExchangeUnitOfWork
from exchange.service_layer.programmes import existing_programme
from exchange.service_layer.queries import ExchangeQuery
from exchange.service_layer.requests import known_organisation


@dataclass(frozen=True, slots=True)
class CreateMission:
    programme_id: UUID
    host_organisation_id: UUID
    title: str
    first_day: date
    last_day: date
    agenda: tuple[DayPlan, ...]
    capacity: int


async def create_mission(
    uow: ExchangeUnitOfWork, caller: Principal, command: CreateMission, *, clock: Clock
) -> GroupMission:
    """The host's people open a group mission; its dates pass the exchange date rules already."""
    access.publish_offer(caller, command.host_organisation_id)
    async with uow:
        programme = await existing_programme(uow, command.programme_id)
        if programme.is_closed:
            raise ProgrammeClosed(f"programme {programme.name} is closed")
        host = await known_organisation(uow, command.host_organisation_id)
        require(check_dates(Stay(programme, host.country, command.first_day, command.last_day)))
        mission = missions.create_mission(
            mission_id=uuid4(),
            programme_id=programme.id,
            host_organisation_id=host.organisation_id,
            title=command.title,
            first_day=command.first_day,
            last_day=command.last_day,
            agenda=command.agenda,
            capacity=command.capacity,
            at=clock.now(),
            by=caller.subject,
        )
        await uow.missions.add(mission)
        await uow.commit()
    return mission


async def view_mission(uow: ExchangeUnitOfWork, mission_id: UUID) -> tuple[GroupMission, Sequence[Exchange]]:
    """The mission and its visitors' exchanges together (signed-in people)."""
    async with uow:
        mission = await uow.missions.get(mission_id)
        if mission is None:
            raise NotFound("no such group mission", code="group-mission-not-found")
        joined = await uow.exchanges.find(ExchangeQuery(mission_id=mission_id, limit=mission.capacity + 100))
    return mission, joined


async def list_missions(uow: ExchangeUnitOfWork, programme_id: UUID) -> Sequence[GroupMission]:
    async with uow:
        await existing_programme(uow, programme_id)
        return await uow.missions.in_programme(programme_id)
