from datetime import date
from typing import get_args

import pytest

from cloth_shared.contracts import exchange as contract
from cloth_shared.contracts.membership import OrganisationCategory
from cloth_shared.contracts.registry import ALL_EVENTS
from exchange.domain.records import Fact
from exchange.domain.vocabulary import MAY_VISIT, ActivityKind, Category, QuotaSide, side_of
from exchange.domain.working_days import NoHolidayCalendar, count_working_days, is_working_day


def test_categories_are_spelled_as_in_the_membership_contract():
    assert {str(c) for c in Category} == set(get_args(OrganisationCategory))


def test_activity_kinds_are_spelled_as_in_the_exchange_contract():
    assert {str(k) for k in ActivityKind} == set(get_args(contract.ActivityKind))


def test_every_fact_the_domain_reports_is_a_published_event_type():
    published = {event.event_type for event in ALL_EVENTS}
    assert {str(fact) for fact in Fact} <= published
    assert published - {str(fact) for fact in Fact} >= {"HostingOfferPublished"}


def test_large_companies_and_public_bodies_only_host_and_count_on_the_host_side():
    assert {Category.SME, Category.CLUSTER_ORGANISATION, Category.SUPPORT_ORGANISATION} == MAY_VISIT
    assert side_of(Category.LARGE_COMPANY) is side_of(Category.PUBLIC_BODY) is QuotaSide.HOST
    assert side_of(Category.SME) is QuotaSide.VISITOR


def test_a_week_in_spain_without_holidays_has_five_working_days():
    assert count_working_days("ES", date(2027, 3, 1), date(2027, 3, 7)) == 5


def test_a_weekend_in_the_middle_does_not_count():
    # Thursday 4 to Tuesday 9 March 2027
    assert count_working_days("ES", date(2027, 3, 4), date(2027, 3, 9)) == 4


def test_epiphany_is_not_a_working_day_in_spain_but_is_in_denmark():
    epiphany = date(2027, 1, 6)  # a Wednesday
    assert not is_working_day("ES", epiphany)
    assert is_working_day("DK", epiphany)
    assert count_working_days("ES", date(2027, 1, 4), date(2027, 1, 8)) == 4
    assert count_working_days("DK", date(2027, 1, 4), date(2027, 1, 8)) == 5


def test_danish_maundy_thursday_and_easter_monday_are_holidays():
    # Monday 22 to Tuesday 30 March 2027: Maundy Thursday, Good Friday and Easter Monday are off in Denmark.
    assert count_working_days("DK", date(2027, 3, 22), date(2027, 3, 30)) == 4
    assert count_working_days("PT", date(2027, 3, 22), date(2027, 3, 30)) == 6


def test_a_stay_across_new_year_uses_each_years_calendar():
    assert count_working_days("ES", date(2026, 12, 31), date(2027, 1, 1)) == 1


def test_both_ends_count_and_reversed_dates_have_no_working_days():
    assert count_working_days("PT", date(2027, 3, 1), date(2027, 3, 1)) == 1
    assert count_working_days("PT", date(2027, 3, 5), date(2027, 3, 1)) == 0


def test_a_country_without_a_calendar_is_said_so():
    with pytest.raises(NoHolidayCalendar):
        count_working_days("XX", date(2027, 3, 1), date(2027, 3, 5))
