"""Hosting offers and the suggestion score, part by part."""

from dataclasses import replace
from datetime import date
from uuid import UUID, uuid4

import pytest

from exchange.domain import matching
from exchange.domain.matching import InvalidOffer, Wish
from exchange.domain.programme import Window
from exchange.domain.vocabulary import ActivityKind, Category

from . import builders as b

MARCH = Window(date(2027, 3, 1), date(2027, 3, 31))
K = ActivityKind


def an_offer(
    host=None, *, kinds=(K.KNOWLEDGE_SHARING, K.NETWORKING), periods=(MARCH,), capacity=2, offer_id=None
):
    return matching.publish_offer(
        offer_id=offer_id or uuid4(),
        host=host or b.a_host(value_chains=frozenset({"fashion_textile", "circular_economy"})),
        title="Natural dyeing workshop",
        topics=("natural dyes",),
        activity_kinds=frozenset(kinds),
        languages=frozenset({"es", "en"}),
        periods=tuple(periods),
        capacity=capacity,
        at=b.NOW,
        by=b.PERSON,
    )


def a_wish(**visitor_changes) -> Wish:
    visitor = b.a_party(value_chains=frozenset({"fashion_textile"}), **visitor_changes)
    return Wish(visitor, Window(date(2027, 3, 8), date(2027, 3, 12)), frozenset({K.KNOWLEDGE_SHARING}))


def parts(suggestion) -> dict[str, float]:
    return {part.name: part.points for part in suggestion.parts}


def test_a_host_can_be_of_any_category_even_one_that_only_hosts():
    offer = an_offer(b.a_host(category=Category.PUBLIC_BODY))
    assert offer.host.category is Category.PUBLIC_BODY


def test_an_offer_names_everything_it_lacks():
    with pytest.raises(InvalidOffer) as refused:
        an_offer(
            b.a_host(is_active=False),
            kinds=(),
            periods=(Window(date(2027, 3, 5), date(2027, 3, 1)),),
            capacity=0,
        )
    assert len(refused.value.extra["problems"]) == 4


def test_a_well_matched_offer_earns_every_part_except_for_distance():
    suggestion = matching.score(an_offer(), a_wish(), booked=0)
    assert parts(suggestion) == {
        "shared_value_chains": 25.0,
        "activity_kinds": 20.0,
        "languages": 15.0,
        "other_country": 10.0,
        "distance": pytest.approx(9.9, abs=0.2),
        "free_capacity": 15.0,
    }
    assert suggestion.score == pytest.approx(94.9, abs=0.2)
    assert all(part.why for part in suggestion.parts)
    assert sum(part.out_of for part in suggestion.parts) == 100


def test_each_part_explains_a_poor_match():
    host = b.a_host(value_chains=frozenset({"digital_technology"}), coordinates=None)
    offer = an_offer(host, kinds=(K.MARKET_RESEARCH,), capacity=1)
    wish = Wish(
        b.a_party(value_chains=frozenset({"fashion_textile"}), languages=frozenset({"pt"})),
        MARCH,
        frozenset({K.NETWORKING}),
    )
    suggestion = matching.score(offer, wish, booked=1)
    assert parts(suggestion) == {
        "shared_value_chains": 0.0,
        "activity_kinds": 0.0,
        "languages": 0.0,
        "other_country": 10.0,
        "distance": 0.0,
        "free_capacity": 0.0,
    }
    why = {part.name: part.why for part in suggestion.parts}
    assert why["distance"] == "distance unknown: an organisation has no coordinates"
    assert why["free_capacity"] == "0 of 1 places free then"
    assert why["languages"] == "no language in common"


def test_half_the_wanted_activity_kinds_earns_half_the_points():
    wish = Wish(b.a_party(), MARCH, frozenset({K.NETWORKING, K.MARKET_RESEARCH}))
    assert parts(matching.score(an_offer(), wish))["activity_kinds"] == 10.0


def test_an_offer_not_available_in_the_wanted_period_has_no_free_capacity_then():
    april = Window(date(2027, 4, 1), date(2027, 4, 30))
    part = matching.score(an_offer(periods=(april,)), a_wish()).parts[-1]
    assert (part.points, part.why) == (0.0, "not available in the wanted period")


def test_suggestions_leave_out_hosts_in_the_visitors_country_and_inactive_hosts():
    at_home = an_offer(b.a_host(country="PT"))
    inactive = replace(an_offer(), host=b.a_host(is_active=False))
    abroad = an_offer()
    suggestions = matching.suggest([at_home, inactive, abroad], a_wish(), booked={})
    assert [s.offer for s in suggestions] == [abroad]


def test_organisations_that_only_host_get_no_suggestions():
    assert matching.suggest([an_offer()], a_wish(category=Category.LARGE_COMPANY), booked={}) == []


def test_suggestions_are_ranked_by_score_with_ties_in_offer_id_order():
    ids = [UUID(int=3), UUID(int=1), UUID(int=2)]
    tied = [an_offer(offer_id=i) for i in ids]
    full = an_offer(offer_id=UUID(int=0))
    suggestions = matching.suggest([*tied, full], a_wish(), booked={full.id: 2}, limit=3)
    assert [s.offer.id for s in suggestions] == [UUID(int=1), UUID(int=2), UUID(int=3)]
