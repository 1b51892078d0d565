"""Every eligibility rule, passing and failing, and the refusal that lists them all."""

from datetime import date

import pytest

from exchange.domain import eligibility, programme
from exchange.domain.eligibility import NotEligible, Refusal, Stay, check_dates, check_eligibility, require
from exchange.domain.programme import Window
from exchange.domain.vocabulary import Category

from .builders import NOW, a_candidate, a_host, a_party, a_programme


def codes(candidate) -> list[str]:
    return [refusal.code for refusal in check_eligibility(candidate)]


def test_an_sme_visiting_a_host_abroad_for_a_working_week_is_eligible():
    assert check_eligibility(a_candidate()) == []


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"programme": programme.close(a_programme(), at=NOW)}, "programme-closed"),
        ({"requested_on": date(2027, 10, 1)}, "outside-application-window"),
        ({"visitor": a_party(is_active=False)}, "visitor-not-active"),
        ({"host": a_host(is_active=False)}, "host-not-active"),
        ({"host": a_host(country="PT")}, "same-country"),
        ({"visitor": a_party(category=Category.LARGE_COMPANY)}, "visitor-category-hosts-only"),
        ({"visitor": a_party(category=Category.PUBLIC_BODY)}, "visitor-category-hosts-only"),
        ({"visits_so_far": 1}, "already-visited"),
        ({"host": a_host(country="FR")}, "no-lump-sum-cap"),
        ({"slots_taken": 75}, "quota-exhausted"),
        ({"first_day": date(2027, 3, 5), "last_day": date(2027, 3, 1)}, "dates-reversed"),
        ({"first_day": date(2027, 3, 4), "last_day": date(2027, 3, 7)}, "too-short"),
        ({"first_day": date(2027, 3, 1), "last_day": date(2027, 4, 1)}, "too-long"),
        ({"first_day": date(2026, 12, 28), "last_day": date(2027, 1, 5)}, "outside-activity-window"),
    ],
)
def test_each_rule_refuses_with_its_own_code_and_a_sentence(changes, code):
    refusals = check_eligibility(a_candidate(**changes))
    assert [r.code for r in refusals] == [code]
    assert refusals[0].reason.endswith(".") and len(refusals[0].reason) > 20


def test_every_failing_rule_is_returned_not_just_the_first():
    candidate = a_candidate(
        visitor=a_party(category=Category.PUBLIC_BODY, is_active=False, country="ES"),
        visits_so_far=1,
        first_day=date(2027, 3, 6),
        last_day=date(2027, 3, 7),
    )
    assert codes(candidate) == [
        "visitor-not-active",
        "same-country",
        "visitor-category-hosts-only",
        "already-visited",
        "too-short",
    ]


def test_hosting_many_exchanges_is_not_limited():
    # The rule looks only at the visitor's visits; the host's other exchanges do not count.
    assert codes(a_candidate(host=a_host(category=Category.LARGE_COMPANY))) == []


def test_three_working_days_are_enough_when_a_weekend_falls_in_between():
    # Thursday 4 to Monday 8 March 2027 is Thursday, Friday and Monday; to Sunday 7 it is two days.
    assert codes(a_candidate(first_day=date(2027, 3, 4), last_day=date(2027, 3, 8))) == []
    assert codes(a_candidate(first_day=date(2027, 3, 4), last_day=date(2027, 3, 7))) == ["too-short"]


def test_the_host_countrys_public_holidays_do_not_count_as_working_days():
    # Monday 4 to Wednesday 6 January 2027 is three weekdays; 6 January is Epiphany in Spain, not in Denmark.
    in_spain = a_candidate(first_day=date(2027, 1, 4), last_day=date(2027, 1, 6))
    in_denmark = a_candidate(first_day=date(2027, 1, 4), last_day=date(2027, 1, 6), host=a_host(country="DK"))
    assert codes(in_spain) == ["too-short"]
    assert "2" in check_eligibility(in_spain)[0].reason
    assert codes(in_denmark) == []


@pytest.mark.parametrize(
    ("first_day", "last_day", "eligible"),
    [
        (date(2027, 3, 1), date(2027, 3, 31), True),
        (date(2027, 3, 1), date(2027, 4, 1), False),
        (date(2027, 1, 31), date(2027, 2, 27), True),
        (date(2027, 1, 31), date(2027, 2, 28), False),
        (date(2027, 12, 6), date(2028, 1, 5), True),
    ],
)
def test_an_exchange_lasts_at_most_one_calendar_month(first_day, last_day, eligible):
    stay = Stay(
        a_programme(activity_window=Window(date(2027, 1, 1), date(2028, 12, 31))), "ES", first_day, last_day
    )
    assert (eligibility.short_enough(stay) is None) is eligible


def test_the_last_free_slot_of_the_hosts_category_is_still_available():
    host = a_host(category=Category.PUBLIC_BODY)
    assert codes(a_candidate(host=host, slots_taken=4)) == []
    assert codes(a_candidate(host=host, slots_taken=5)) == ["quota-exhausted"]


def test_date_rules_can_be_checked_alone_for_changed_dates():
    stay = Stay(a_programme(), "ES", date(2027, 12, 31), date(2028, 1, 3))
    assert [r.code for r in check_dates(stay)] == ["too-short", "outside-activity-window"]


def test_not_eligible_carries_every_refusal_as_code_and_reason():
    refusals = [Refusal("same-country", "Both in ES."), Refusal("too-short", "Too short.")]
    with pytest.raises(NotEligible) as refused:
        require(refusals)
    assert refused.value.code == "not-eligible"
    assert refused.value.extra["refusals"] == [
        {"code": "same-country", "reason": "Both in ES."},
        {"code": "too-short", "reason": "Too short."},
    ]


def test_nothing_is_raised_when_nothing_is_refused():
    require([])


def test_a_host_country_without_a_holiday_calendar_is_a_refusal_not_a_crash():
    stay = Stay(a_programme(), "XX", date(2027, 3, 1), date(2027, 3, 5))
    assert [r.code for r in check_dates(stay)] == ["no-holiday-calendar"]


def test_the_slot_category_of_a_candidate_follows_the_programme_rule():
    assert a_candidate(host=a_host(category=Category.LARGE_COMPANY)).slot_category is Category.LARGE_COMPANY
    assert a_candidate(visitor=a_party(category=Category.CLUSTER_ORGANISATION)).slot_category is (
        Category.CLUSTER_ORGANISATION
    )
