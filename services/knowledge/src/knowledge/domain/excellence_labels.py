"""Cluster-excellence labels (European Cluster Excellence Initiative: bronze, silver, gold).

A cluster's labels only go up: an award is of a higher level than the current one, or the same
level renewed at a later date. Each cluster plans actions to reach the next level; gold has none.
"""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from cloth_shared.errors import Conflict, InvalidInput


class LabelLevel(StrEnum):
    BRONZE = "bronze"
    SILVER = "silver"
    GOLD = "gold"

    @property
    def rank(self) -> int:
        return _ORDER.index(self)

    def next(self) -> "LabelLevel | None":
        return _ORDER[self.rank + 1] if self.rank + 1 < len(_ORDER) else None


_ORDER = (LabelLevel.BRONZE, LabelLevel.SILVER, LabelLevel.GOLD)


@dataclass(frozen=True, slots=True)
class Award:
    level: LabelLevel
    awarded_on: date
    valid_until: date | None
    awarded_by: UUID
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class PlannedStep:
    title: str
    due: date | None = None
    done: bool = False


@dataclass(frozen=True, slots=True)
class Certification:
    cluster_id: UUID
    awards: tuple[Award, ...] = ()  # oldest first
    plan: tuple[PlannedStep, ...] = ()
    revision: int = 0

    @property
    def current(self) -> Award | None:
        return self.awards[-1] if self.awards else None

    @property
    def next_level(self) -> LabelLevel | None:
        """The level the plan aims at: bronze for a cluster without a label, none after gold."""
        return LabelLevel.BRONZE if self.current is None else self.current.level.next()


def award(
    known: Certification,
    level: LabelLevel,
    *,
    awarded_on: date,
    valid_until: date | None,
    by: UUID,
    at: datetime,
) -> Certification:
    """Record a label; the plan towards it is done with, so it is cleared."""
    if awarded_on > at.date():
        raise InvalidInput("a label is recorded once awarded, not before", code="award-in-the-future")
    if valid_until is not None and valid_until <= awarded_on:
        raise InvalidInput("a label is valid until after its award", code="invalid-validity")
    current = known.current
    if current is not None and (
        level.rank < current.level.rank or (level is current.level and awarded_on <= current.awarded_on)
    ):
        raise Conflict(
            f"the cluster holds {current.level} since {current.awarded_on}: a new award is higher, "
            "or the same level renewed later",
            code="label-not-higher",
            current_level=current.level.value,
        )
    recorded = Award(level, awarded_on, valid_until, by, at)
    plan = known.plan if current is not None and level is current.level else ()
    return Certification(known.cluster_id, (*known.awards, recorded), plan, known.revision + 1)


def plan_next_level(known: Certification, steps: tuple[PlannedStep, ...]) -> Certification:
    if known.next_level is None:
        raise Conflict("the cluster holds the gold label: there is no higher level", code="no-higher-label")
    return Certification(known.cluster_id, known.awards, steps, known.revision + 1)
