"""Regional analyses: structured figures and text about the fashion industry of a partner region.

One analysis per region and year; writing a year again makes a new revision of that year, and
earlier years stay as the region's history. The map reads each region's latest year.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from cloth_shared.errors import InvalidInput

FIRST_YEAR = 2000
# Keys the frontend's map knows how to show; others are accepted and shown as they come.
WELL_KNOWN_INDICATORS = (
    "fashion_textile_companies",
    "employment",
    "exports",
    "turnover",
    "circular_economy_companies",
    "textile_waste_collected",
    "recycling_rate",
)
_KEY = re.compile(r"^[a-z][a-z0-9_]{1,59}$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Indicator:
    key: str
    value: float
    unit: str
    source: Source


@dataclass(frozen=True, slots=True)
class RegionalAnalysis:
    region_code: str
    year: int
    indicators: tuple[Indicator, ...]
    trends: str  # plain text, shown as text: never interpreted as HTML
    challenges: str
    revision: int
    written_by: UUID
    written_at: datetime


def _check(indicators: tuple[Indicator, ...], year: int, *, this_year: int) -> None:
    if not FIRST_YEAR <= year <= this_year:
        raise InvalidInput(f"the year is between {FIRST_YEAR} and {this_year}", code="invalid-year")
    keys = [indicator.key for indicator in indicators]
    if len(set(keys)) != len(keys):
        raise InvalidInput("each indicator appears once", code="duplicate-indicator", field="indicators")
    for indicator in indicators:
        if not _KEY.match(indicator.key):
            raise InvalidInput(
                f"indicator keys are snake_case: {indicator.key!r}", code="invalid-indicator-key"
            )
        if not _URL.match(indicator.source.url):
            raise InvalidInput(
                f"the source of {indicator.key} needs an http(s) address", code="invalid-source-url"
            )


def write(
    known: RegionalAnalysis | None,
    *,
    region_code: str,
    year: int,
    indicators: tuple[Indicator, ...],
    trends: str,
    challenges: str,
    by: UUID,
    at: datetime,
) -> RegionalAnalysis:
    """The region's analysis for `year`: the first revision, or the next one of that year."""
    _check(indicators, year, this_year=at.year)
    return RegionalAnalysis(
        region_code=region_code,
        year=year,
        indicators=tuple(sorted(indicators, key=lambda i: i.key)),
        trends=trends,
        challenges=challenges,
        revision=1 if known is None else known.revision + 1,
        written_by=by,
        written_at=at,
    )
