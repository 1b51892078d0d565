"""Programme figures, read from the counters kept in each change's transaction (no scans)."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from exchange.domain import figures
from exchange.domain.figures import ClusterCount, FlowCount
from exchange.domain.programme import Programme
from exchange.domain.vocabulary import Category
from exchange.service_layer.ports import Clock, ExchangeUnitOfWork
from exchange.service_layer.programmes import existing_programme


@dataclass(frozen=True, slots=True)
class Target:
    """A target (a category's quota, or the total when `category` is None) and its progress."""

    category: Category | None
    slots: int
    approved: int
    completed: int
    approved_by: date | None  # when the target is reached at the current weekly rate
    completed_by: date | None


@dataclass(frozen=True, slots=True)
class ProgrammeFigures:
    programme: Programme
    on: date
    total: Target
    categories: tuple[Target, ...]
    by_cluster: tuple[ClusterCount, ...]
    flows: tuple[FlowCount, ...]


def _target(
    programme: Programme, category: Category | None, counts: tuple[int, int, int], on: date
) -> Target:
    slots, approved, completed = counts

    def reached_by(done: int, since: date) -> date | None:
        rate = figures.weekly_rate(done=done, since=since, today=on)
        return figures.forecast(target=slots, done=done, rate_per_week=rate, today=on)

    return Target(
        category,
        slots,
        approved,
        completed,
        approved_by=reached_by(approved, programme.application_window.first),
        completed_by=reached_by(completed, programme.activity_window.first),
    )


async def programme_figures(uow: ExchangeUnitOfWork, programme_id: UUID, *, clock: Clock) -> ProgrammeFigures:
    """Approved and completed against each quota and the total, by visitor cluster, country to
    country, with the day each target is reached at the weekly rate so far. Public."""
    today = clock.now().date()
    async with uow:
        programme = await existing_programme(uow, programme_id)
        counts = await uow.figures.counts(programme_id)
    categories = tuple(
        _target(programme, c.category, (c.slots, c.approved, c.completed), today) for c in counts.categories
    )
    total = (
        sum(t.slots for t in categories),
        sum(t.approved for t in categories),
        sum(t.completed for t in categories),
    )
    return ProgrammeFigures(
        programme,
        today,
        _target(programme, None, total, today),
        categories,
        counts.clusters,
        counts.flows,
    )
