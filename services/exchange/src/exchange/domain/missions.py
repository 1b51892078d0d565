"""Group missions: one host event (e.g. a trade-fair visit) that many visitors join at once.

Each visitor who joins is an exchange of its own (eligibility, quota, report, lump sum); the
mission only holds them together and keeps its capacity.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime
from uuid import UUID

from cloth_shared.errors import Conflict, InvalidInput
from exchange.domain.records import DayPlan


class InvalidMission(InvalidInput):
    code = "invalid-group-mission"


class MissionFull(Conflict):
    code = "group-mission-full"


@dataclass(frozen=True, slots=True)
class GroupMission:
    id: UUID
    programme_id: UUID
    host_organisation_id: UUID
    title: str
    first_day: date
    last_day: date
    agenda: tuple[DayPlan, ...]
    capacity: int
    created_at: datetime
    created_by: UUID
    exchange_ids: tuple[UUID, ...] = ()  # one per visitor who joined, in joining order

    @property
    def free_places(self) -> int:
        return self.capacity - len(self.exchange_ids)


def create_mission(
    *,
    mission_id: UUID,
    programme_id: UUID,
    host_organisation_id: UUID,
    title: str,
    first_day: date,
    last_day: date,
    agenda: tuple[DayPlan, ...],
    capacity: int,
    at: datetime,
    by: UUID,
) -> GroupMission:
    if last_day < first_day or capacity < 1:
        raise InvalidMission("a group mission needs its dates in order and room for at least one visitor")
    if any(not first_day <= plan.day <= last_day for plan in agenda):
        raise InvalidMission("every day of the agenda falls between the mission's first and last day")
    return GroupMission(
        mission_id, programme_id, host_organisation_id, title, first_day, last_day, agenda, capacity, at, by
    )


def join(mission: GroupMission, exchange_id: UUID) -> GroupMission:
    """A visitor's exchange joins the mission; joining twice changes nothing."""
    if exchange_id in mission.exchange_ids:
        return mission
    if mission.free_places <= 0:
        raise MissionFull(f"the group mission {mission.title} is full", capacity=mission.capacity)
    return replace(mission, exchange_ids=(*mission.exchange_ids, exchange_id))


def leave(mission: GroupMission, exchange_id: UUID) -> GroupMission:
    """A declined or cancelled exchange gives its place back."""
    return replace(mission, exchange_ids=tuple(e for e in mission.exchange_ids if e != exchange_id))
