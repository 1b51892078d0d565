"""Working days in a country: weekdays that are not that country's national public holidays.

The calendar is the `holidays` library's, not a hand-made one. Only national holidays count:
regional ones (e.g. Catalonia's) would need ISO subdivision codes that profiles do not carry.
"""

from datetime import date, timedelta
from functools import cache

import holidays

SATURDAY = 5


class NoHolidayCalendar(ValueError):
    """The holidays library has no calendar for this country code."""


@cache
def public_holidays(country: str, year: int) -> frozenset[date]:
    """National public holidays of `country` (ISO 3166-1 alpha-2) in `year`; cached per pair."""
    try:
        calendar = holidays.country_holidays(country, years=year)
    except NotImplementedError as unknown:
        raise NoHolidayCalendar(f"no public-holiday calendar for country {country!r}") from unknown
    return frozenset(calendar.keys())


def is_working_day(country: str, day: date) -> bool:
    return day.weekday() < SATURDAY and day not in public_holidays(country, day.year)


def count_working_days(country: str, first: date, last: date) -> int:
    """Working days from `first` to `last`, both included; 0 when `last` is before `first`."""
    days = (first + timedelta(days=offset) for offset in range((last - first).days + 1))
    return sum(1 for day in days if is_working_day(country, day))
