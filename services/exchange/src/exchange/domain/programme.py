"""A ClusterXchange programme: its windows, its quotas per category, and its lump-sum caps."""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from cloth_shared.errors import Conflict, InvalidInput
from exchange.domain.vocabulary import HOST_ONLY, Category, QuotaSide, side_of

MAX_LUMP_SUM = Decimal("1100.00")  # EUR, the scheme's ceiling for any host country


@dataclass(frozen=True, slots=True)
class Window:
    """A period of whole days, both ends included."""

    first: date
    last: date

    def contains(self, day: date) -> bool:
        return self.first <= day <= self.last

    def covers(self, first: date, last: date) -> bool:
        return self.contains(first) and self.contains(last)

    def overlaps(self, other: "Window") -> bool:
        return self.first <= other.last and other.first <= self.last


@dataclass(frozen=True, slots=True)
class Quota:
    category: Category
    side: QuotaSide
    slots: int


# The Fashion ClusterXchange target: 100 exchanges, each taking exactly one of these slots.
DEFAULT_QUOTAS: tuple[Quota, ...] = (
    Quota(Category.SME, QuotaSide.VISITOR, 75),
    Quota(Category.CLUSTER_ORGANISATION, QuotaSide.VISITOR, 10),
    Quota(Category.SUPPORT_ORGANISATION, QuotaSide.VISITOR, 5),
    Quota(Category.LARGE_COMPANY, QuotaSide.HOST, 5),
    Quota(Category.PUBLIC_BODY, QuotaSide.HOST, 5),
)


@dataclass(frozen=True, slots=True)
class Programme:
    id: UUID
    name: str
    application_window: Window
    activity_window: Window
    quotas: tuple[Quota, ...]
    lump_sum_caps: Mapping[str, Decimal] = field(hash=False)
    created_at: datetime
    created_by: UUID | None = None
    closed_at: datetime | None = None
    closed_by: UUID | None = None

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def target(self) -> int:
        return sum(quota.slots for quota in self.quotas)


class InvalidProgramme(InvalidInput):
    code = "invalid-programme"


class ProgrammeClosed(Conflict):
    code = "programme-closed"


class NoLumpSumCap(Conflict):
    code = "no-lump-sum-cap"


def _problems(
    application_window: Window,
    activity_window: Window,
    quotas: tuple[Quota, ...],
    caps: Mapping[str, Decimal],
) -> list[str]:
    problems = [
        f"the {name} ends before it starts"
        for name, window in (("application window", application_window), ("activity window", activity_window))
        if window.last < window.first
    ]
    categories = [quota.category for quota in quotas]
    if len(categories) != len(set(categories)):
        problems.append("a category has more than one quota")
    problems += [
        f"the {q.category} quota is counted on the {side_of(q.category)} side, not the {q.side} side"
        for q in quotas
        if q.side is not side_of(q.category)
    ]
    problems += [f"the {q.category} quota cannot be negative" for q in quotas if q.slots < 0]
    problems += [
        f"the lump-sum cap for {country} must be between 0 and EUR {MAX_LUMP_SUM}"
        for country, cap in caps.items()
        if not Decimal(0) < cap <= MAX_LUMP_SUM
    ]
    return problems


def create(
    *,
    programme_id: UUID,
    name: str,
    application_window: Window,
    activity_window: Window,
    lump_sum_caps: Mapping[str, Decimal],
    quotas: tuple[Quota, ...] = DEFAULT_QUOTAS,
    at: datetime,
    by: UUID | None = None,
) -> Programme:
    """A new programme; every inconsistency is named at once."""
    problems = _problems(application_window, activity_window, quotas, lump_sum_caps)
    if problems:
        raise InvalidProgramme("; ".join(problems), problems=problems)
    return Programme(
        programme_id,
        name,
        application_window,
        activity_window,
        quotas,
        dict(lump_sum_caps),
        created_at=at,
        created_by=by,
    )


def close(programme: Programme, *, at: datetime, by: UUID | None = None) -> Programme:
    """No new requests or approvals; the programme's figures stay readable."""
    if programme.is_closed:
        raise ProgrammeClosed(f"programme {programme.name} is already closed")
    return replace(programme, closed_at=at, closed_by=by)


def slot_category(visitor: Category, host: Category) -> Category:
    """The one quota an exchange takes: the host's category if it only hosts, else the visitor's."""
    return host if host in HOST_ONLY else visitor


def quota_for(programme: Programme, category: Category) -> Quota | None:
    return next((quota for quota in programme.quotas if quota.category is category), None)


def has_free_slot(programme: Programme, category: Category, *, taken: int) -> bool:
    quota = quota_for(programme, category)
    return quota is not None and taken < quota.slots


def lump_sum_cap(programme: Programme, host_country: str) -> Decimal:
    try:
        return programme.lump_sum_caps[host_country]
    except KeyError:
        raise NoLumpSumCap(
            f"programme {programme.name} has no lump-sum cap for {host_country}", country=host_country
        ) from None
