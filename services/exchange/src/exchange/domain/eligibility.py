"""Who may exchange with whom, when: every rule a pure function with a stable code.

`check_eligibility` runs them all and returns every refusal, so a person sees at once all
that stands in the way, each with a sentence they understand. The date rules look only at a
`Stay`, so a commitment that changes the dates is checked again with `check_dates`.
"""

from calendar import monthrange
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from cloth_shared.errors import InvalidInput
from exchange.domain.parties import Party
from exchange.domain.programme import Programme, has_free_slot, slot_category
from exchange.domain.vocabulary import MAY_VISIT, Category
from exchange.domain.working_days import NoHolidayCalendar, count_working_days

MIN_WORKING_DAYS = 3


@dataclass(frozen=True, slots=True)
class Refusal:
    code: str
    reason: str


class NotEligible(InvalidInput):
    code = "not-eligible"

    def __init__(self, refusals: Sequence[Refusal]) -> None:
        super().__init__(
            "this exchange is not eligible: " + " ".join(refusal.reason for refusal in refusals),
            refusals=[{"code": refusal.code, "reason": refusal.reason} for refusal in refusals],
        )
        self.refusals = tuple(refusals)


@dataclass(frozen=True, slots=True)
class Stay:
    """The dates of an exchange and where it happens: what the date rules look at."""

    programme: Programme
    host_country: str
    first_day: date
    last_day: date


@dataclass(frozen=True, slots=True)
class Candidate:
    """One requested exchange and the facts the rules need, gathered by the service layer."""

    programme: Programme
    visitor: Party
    host: Party
    first_day: date
    last_day: date
    requested_on: date
    visits_so_far: int  # the visitor's exchanges in this programme that still count as visits
    slots_taken: int  # approved exchanges already holding a slot of this exchange's category

    @property
    def stay(self) -> Stay:
        return Stay(self.programme, self.host.country, self.first_day, self.last_day)

    @property
    def slot_category(self) -> Category:
        return slot_category(self.visitor.category, self.host.category)


def programme_open(c: Candidate) -> Refusal | None:
    if not c.programme.is_closed:
        return None
    return Refusal("programme-closed", f"The programme {c.programme.name} is closed.")


def within_application_window(c: Candidate) -> Refusal | None:
    window = c.programme.application_window
    if window.contains(c.requested_on):
        return None
    return Refusal("outside-application-window", f"Requests are taken from {window.first} to {window.last}.")


def visitor_active(c: Candidate) -> Refusal | None:
    if c.visitor.is_active:
        return None
    return Refusal("visitor-not-active", "The visiting organisation is not an active member.")


def host_active(c: Candidate) -> Refusal | None:
    if c.host.is_active:
        return None
    return Refusal("host-not-active", "The host organisation is not an active member.")


def different_countries(c: Candidate) -> Refusal | None:
    if c.visitor.country != c.host.country:
        return None
    return Refusal(
        "same-country", f"Visitor and host are both in {c.host.country}; they must be in two countries."
    )


def visitor_may_visit(c: Candidate) -> Refusal | None:
    if c.visitor.category in MAY_VISIT:
        return None
    return Refusal(
        "visitor-category-hosts-only", "Large companies and public bodies take part only as hosts."
    )


def first_visit(c: Candidate) -> Refusal | None:
    if c.visits_so_far == 0:
        return None
    return Refusal(
        "already-visited", "An organisation may visit only once per programme; this one already has."
    )


def host_country_has_cap(c: Candidate) -> Refusal | None:
    if c.host.country in c.programme.lump_sum_caps:
        return None
    return Refusal("no-lump-sum-cap", f"The programme has no lump-sum cap for {c.host.country} yet.")


def quota_available(c: Candidate) -> Refusal | None:
    if has_free_slot(c.programme, c.slot_category, taken=c.slots_taken):
        return None
    return Refusal("quota-exhausted", f"No exchange slot is left for the {c.slot_category} category.")


def dates_in_order(s: Stay) -> Refusal | None:
    if s.first_day <= s.last_day:
        return None
    return Refusal("dates-reversed", "The last day of the exchange is before its first day.")


def long_enough(s: Stay) -> Refusal | None:
    if s.first_day > s.last_day:
        return None  # dates_in_order says so
    try:
        days = count_working_days(s.host_country, s.first_day, s.last_day)
    except NoHolidayCalendar:
        return Refusal("no-holiday-calendar", f"Working days in {s.host_country} cannot be counted.")
    if days >= MIN_WORKING_DAYS:
        return None
    return Refusal(
        "too-short",
        f"An exchange lasts at least {MIN_WORKING_DAYS} working days in the host country; "
        f"these dates have {days}.",
    )


def _one_month_after(day: date) -> date:
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def short_enough(s: Stay) -> Refusal | None:
    latest = _one_month_after(s.first_day) - timedelta(days=1)
    if s.last_day <= latest:
        return None
    return Refusal(
        "too-long", f"An exchange lasts at most one month: starting {s.first_day}, it ends by {latest}."
    )


def within_activity_window(s: Stay) -> Refusal | None:
    window = s.programme.activity_window
    if window.covers(s.first_day, s.last_day):
        return None
    return Refusal(
        "outside-activity-window", f"Exchanges take place between {window.first} and {window.last}."
    )


RULES: tuple[Callable[[Candidate], Refusal | None], ...] = (
    programme_open,
    within_application_window,
    visitor_active,
    host_active,
    different_countries,
    visitor_may_visit,
    first_visit,
    host_country_has_cap,
    quota_available,
)
DATE_RULES: tuple[Callable[[Stay], Refusal | None], ...] = (
    dates_in_order,
    long_enough,
    short_enough,
    within_activity_window,
)


def check_dates(stay: Stay) -> list[Refusal]:
    """The refusals of the date rules alone."""
    return [refusal for rule in DATE_RULES if (refusal := rule(stay)) is not None]


def check_eligibility(candidate: Candidate) -> list[Refusal]:
    """Every refusal, the date rules' last; empty when the exchange is eligible."""
    refusals = [refusal for rule in RULES if (refusal := rule(candidate)) is not None]
    return refusals + check_dates(candidate.stay)


def require(refusals: Sequence[Refusal]) -> None:
    """Raise NotEligible with all the refusals, if there are any."""
    if refusals:
        raise NotEligible(refusals)
