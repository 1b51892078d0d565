"""The visitor's lump sum: the host country's cap, halved for short or near exchanges."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from math import asin, cos, radians, sin, sqrt
from uuid import UUID

from cloth_shared.errors import InvalidInput
from exchange.domain.parties import Coordinates
from exchange.domain.working_days import count_working_days

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
SHORT_STAY_WORKING_DAYS = 5  # fewer working days than this halves the lump sum
NEAR_KM = Decimal(200)  # organisations closer than this halves the lump sum
CENT = Decimal("0.01")


class InvalidDistance(InvalidInput):
    code = "invalid-distance"


class DistanceSource(StrEnum):
    COMPUTED = "computed"
    ENTERED_BY_MANAGER = "entered_by_manager"


class HalvedReason(StrEnum):
    SHORT_STAY = "short_stay"
    NEAR = "near"


@dataclass(frozen=True, slots=True)
class Distance:
    km: Decimal
    source: DistanceSource
    entered_by: UUID | None = None
    entered_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class LumpSum:
    """The amount and why: stored as computed, shown before approval."""

    cap: Decimal
    working_days: int
    distance: Distance | None
    halved_reasons: tuple[HalvedReason, ...]
    amount: Decimal | None  # None while the distance is unknown

    @property
    def distance_missing(self) -> bool:
        return self.distance is None


def great_circle_km(a: Coordinates, b: Coordinates) -> Decimal:
    """Haversine distance, rounded to 0.1 km."""
    lat1, lat2 = radians(a.latitude), radians(b.latitude)
    dlat, dlon = lat2 - lat1, radians(b.longitude - a.longitude)
    h = sin(dlat / 2) ** 2 + cos(lat1) * cos(lat2) * sin(dlon / 2) ** 2
    return Decimal(2 * EARTH_RADIUS_KM * asin(sqrt(h))).quantize(Decimal("0.1"), ROUND_HALF_UP)


def distance_between(visitor: Coordinates | None, host: Coordinates | None) -> Distance | None:
    """The computed distance, or None when either organisation has no coordinates."""
    if visitor is None or host is None:
        return None
    return Distance(great_circle_km(visitor, host), DistanceSource.COMPUTED)


def entered_distance(km: Decimal, *, at: datetime, by: UUID) -> Distance:
    """A distance a cluster manager entered because coordinates were missing."""
    if km < 0:
        raise InvalidDistance("a distance cannot be negative", km=str(km))
    return Distance(km, DistanceSource.ENTERED_BY_MANAGER, entered_by=by, entered_at=at)


def compute(*, cap: Decimal, working_days: int, distance: Distance | None) -> LumpSum:
    """The cap, halved once when the stay is short, the organisations near, or both."""
    reasons: list[HalvedReason] = []
    if working_days < SHORT_STAY_WORKING_DAYS:
        reasons.append(HalvedReason.SHORT_STAY)
    if distance is not None and distance.km < NEAR_KM:
        reasons.append(HalvedReason.NEAR)
    amount = None if distance is None else (cap / 2 if reasons else cap).quantize(CENT, ROUND_HALF_UP)
    return LumpSum(cap, working_days, distance, tuple(reasons), amount)


def for_stay(
    *, cap: Decimal, country: str, first_day: date, last_day: date, distance: Distance | None
) -> LumpSum:
    """The lump sum of a stay in `country`, counting that country's working days."""
    return compute(cap=cap, working_days=count_working_days(country, first_day, last_day), distance=distance)


def with_distance(lump_sum: LumpSum, distance: Distance) -> LumpSum:
    """The same lump sum, recomputed with a (new) distance."""
    return compute(cap=lump_sum.cap, working_days=lump_sum.working_days, distance=distance)
