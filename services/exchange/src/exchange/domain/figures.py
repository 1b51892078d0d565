"""How exchanges count towards the programme's targets, and when a target will be reached."""

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from exchange.domain.exchanges import Exchange
from exchange.domain.vocabulary import Category, State

# An exchange counts as approved from approval on, and as completed once its report is validated.
APPROVED_OR_LATER = frozenset(
    {
        State.APPROVED,
        State.IN_PROGRESS,
        State.REPORT_SUBMITTED,
        State.REPORT_SENT_BACK,
        State.COMPLETED,
        State.LUMP_SUM_PAID,
    }
)
COMPLETED = frozenset({State.COMPLETED, State.LUMP_SUM_PAID})
# A visit "used" for the once-per-programme rule: everything but a refused or withdrawn request.
VISITS = frozenset(State) - {State.DECLINED, State.CANCELLED}


@dataclass(frozen=True, slots=True)
class Contribution:
    """Where one exchange counts: once, for the visitor's cluster, in its one slot category."""

    programme_id: UUID
    cluster_id: UUID
    category: Category
    from_country: str
    to_country: str


def contribution(exchange: Exchange) -> Contribution:
    return Contribution(
        exchange.programme_id,
        exchange.visitor.cluster_id,
        exchange.slot_category,
        exchange.visitor.country,
        exchange.host.country,
    )


def counts_as_visit(state: State) -> bool:
    return state in VISITS


def counts_as_approved(state: State) -> bool:
    return state in APPROVED_OR_LATER


def counts_as_completed(state: State) -> bool:
    return state in COMPLETED


@dataclass(frozen=True, slots=True)
class Change:
    """How one step moves an exchange's counts: +1, 0 or -1 approved and completed."""

    approved: int
    completed: int

    @property
    def is_nothing(self) -> bool:
        return self.approved == 0 and self.completed == 0


def change(before: State | None, after: State) -> Change:
    """What a step from `before` (None: a new exchange) to `after` adds to the figures."""

    def moved(counts: Callable[[State], bool]) -> int:
        return int(counts(after)) - int(before is not None and counts(before))

    return Change(moved(counts_as_approved), moved(counts_as_completed))


def weekly_rate(*, done: int, since: date, today: date) -> float:
    """Exchanges per week since `since` (a programme's first week counts as a whole week)."""
    weeks = max(1.0, (today - since).days / 7)
    return done / weeks


def forecast(*, target: int, done: int, rate_per_week: float, today: date) -> date | None:
    """The day the target is reached at this weekly rate; today if reached; None if never at this rate."""
    if done >= target:
        return today
    if rate_per_week <= 0:
        return None
    return today + timedelta(days=math.ceil((target - done) / rate_per_week * 7))


@dataclass(frozen=True, slots=True)
class CategoryCount:
    category: Category
    slots: int
    approved: int
    completed: int


@dataclass(frozen=True, slots=True)
class ClusterCount:
    cluster_id: UUID
    approved: int
    completed: int


@dataclass(frozen=True, slots=True)
class FlowCount:
    from_country: str
    to_country: str
    approved: int
    completed: int


@dataclass(frozen=True, slots=True)
class ProgrammeCounts:
    """The counters kept per change: per quota category, per visitor cluster, per country pair."""

    categories: tuple[CategoryCount, ...]
    clusters: tuple[ClusterCount, ...]
    flows: tuple[FlowCount, ...]
