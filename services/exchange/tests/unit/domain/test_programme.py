from datetime import date
from decimal import Decimal
from uuid import uuid4

import pytest

from exchange.domain import programme
from exchange.domain.programme import (
    DEFAULT_QUOTAS,
    InvalidProgramme,
    NoLumpSumCap,
    ProgrammeClosed,
    Quota,
    Window,
)
from exchange.domain.vocabulary import Category, QuotaSide

from .builders import NOW, a_programme


def test_the_fashion_clusterxchange_defaults_add_up_to_one_hundred_exchanges():
    quotas = {q.category: (q.side, q.slots) for q in DEFAULT_QUOTAS}
    assert quotas == {
        Category.SME: (QuotaSide.VISITOR, 75),
        Category.CLUSTER_ORGANISATION: (QuotaSide.VISITOR, 10),
        Category.SUPPORT_ORGANISATION: (QuotaSide.VISITOR, 5),
        Category.LARGE_COMPANY: (QuotaSide.HOST, 5),
        Category.PUBLIC_BODY: (QuotaSide.HOST, 5),
    }
    assert a_programme().target == 100


@pytest.mark.parametrize(
    ("visitor", "host", "slot"),
    [
        (Category.SME, Category.SME, Category.SME),
        (Category.SME, Category.CLUSTER_ORGANISATION, Category.SME),
        (Category.CLUSTER_ORGANISATION, Category.SUPPORT_ORGANISATION, Category.CLUSTER_ORGANISATION),
        (Category.SUPPORT_ORGANISATION, Category.SME, Category.SUPPORT_ORGANISATION),
        (Category.SME, Category.LARGE_COMPANY, Category.LARGE_COMPANY),
        (Category.CLUSTER_ORGANISATION, Category.PUBLIC_BODY, Category.PUBLIC_BODY),
    ],
)
def test_an_exchange_takes_the_hosts_slot_only_when_the_host_only_hosts(visitor, host, slot):
    assert programme.slot_category(visitor, host) is slot


def test_a_quota_has_room_until_all_its_slots_are_taken():
    programme_ = a_programme()
    assert programme.has_free_slot(programme_, Category.PUBLIC_BODY, taken=4)
    assert not programme.has_free_slot(programme_, Category.PUBLIC_BODY, taken=5)


def test_a_category_without_a_quota_has_no_room():
    only_smes = a_programme(quotas=(Quota(Category.SME, QuotaSide.VISITOR, 3),))
    assert not programme.has_free_slot(only_smes, Category.CLUSTER_ORGANISATION, taken=0)


def _create(**changes):
    values = {
        "programme_id": uuid4(),
        "name": "X",
        "application_window": Window(date(2027, 1, 1), date(2027, 6, 30)),
        "activity_window": Window(date(2027, 1, 1), date(2027, 12, 31)),
        "lump_sum_caps": {"ES": Decimal(900)},
        "at": NOW,
    }
    return programme.create(**{**values, **changes})


def test_a_lump_sum_cap_above_eur_1100_is_refused():
    with pytest.raises(InvalidProgramme) as refused:
        _create(lump_sum_caps={"ES": Decimal("1100.00"), "DK": Decimal("1100.01")})
    assert refused.value.extra["problems"] == ["the lump-sum cap for DK must be between 0 and EUR 1100.00"]


def test_every_problem_of_a_programme_is_named_at_once():
    with pytest.raises(InvalidProgramme) as refused:
        _create(
            activity_window=Window(date(2027, 12, 31), date(2027, 1, 1)),
            quotas=(
                Quota(Category.LARGE_COMPANY, QuotaSide.VISITOR, 5),
                Quota(Category.LARGE_COMPANY, QuotaSide.HOST, 5),
            ),
        )
    assert len(refused.value.extra["problems"]) == 3


def test_a_closed_programme_cannot_be_closed_again_and_keeps_its_figures():
    closed = programme.close(a_programme(), at=NOW, by=uuid4())
    assert closed.is_closed and closed.target == 100
    with pytest.raises(ProgrammeClosed):
        programme.close(closed, at=NOW)


def test_the_cap_of_a_host_country_without_one_is_a_conflict():
    assert programme.lump_sum_cap(a_programme(), "ES") == Decimal("900.00")
    with pytest.raises(NoLumpSumCap):
        programme.lump_sum_cap(a_programme(), "FR")
