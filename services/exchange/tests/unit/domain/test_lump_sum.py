from datetime import date
from decimal import Decimal
from uuid import uuid4

import pytest

from exchange.domain import lump_sum
from exchange.domain.lump_sum import Distance, DistanceSource, HalvedReason, InvalidDistance
from exchange.domain.parties import Coordinates

from .builders import IGUALADA, NOW, PORTO, VIGO

CAP = Decimal("900.00")
FAR = Distance(Decimal(850), DistanceSource.COMPUTED)


def test_the_great_circle_distance_from_paris_to_london_is_about_344_km():
    paris, london = Coordinates(48.8566, 2.3522), Coordinates(51.5074, -0.1278)
    assert Decimal(343) < lump_sum.great_circle_km(paris, london) < Decimal(345)


def test_the_distance_between_two_organisations_is_computed_from_their_coordinates():
    distance = lump_sum.distance_between(PORTO, VIGO)
    assert distance is not None
    assert distance.source is DistanceSource.COMPUTED
    assert Decimal(115) < distance.km < Decimal(125)
    assert lump_sum.distance_between(PORTO, IGUALADA).km > Decimal(800)  # type: ignore[union-attr]


def test_a_long_stay_far_away_gets_the_whole_cap():
    computed = lump_sum.compute(cap=CAP, working_days=5, distance=FAR)
    assert (computed.amount, computed.halved_reasons) == (CAP, ())


def test_a_stay_of_fewer_than_five_working_days_is_halved():
    computed = lump_sum.compute(cap=CAP, working_days=4, distance=FAR)
    assert (computed.amount, computed.halved_reasons) == (Decimal("450.00"), (HalvedReason.SHORT_STAY,))


def test_organisations_less_than_200_km_apart_get_half():
    near = Distance(Decimal("199.9"), DistanceSource.COMPUTED)
    computed = lump_sum.compute(cap=CAP, working_days=10, distance=near)
    assert (computed.amount, computed.halved_reasons) == (Decimal("450.00"), (HalvedReason.NEAR,))


def test_exactly_200_km_is_not_near():
    at_200 = Distance(Decimal(200), DistanceSource.COMPUTED)
    assert lump_sum.compute(cap=CAP, working_days=10, distance=at_200).amount == CAP


def test_short_and_near_halves_once_not_twice_and_names_both_reasons():
    near = Distance(Decimal(120), DistanceSource.COMPUTED)
    computed = lump_sum.compute(cap=Decimal("1100.00"), working_days=3, distance=near)
    assert computed.amount == Decimal("550.00")
    assert computed.halved_reasons == (HalvedReason.SHORT_STAY, HalvedReason.NEAR)


def test_half_of_an_odd_cap_is_rounded_to_the_cent():
    assert lump_sum.compute(cap=Decimal("999.99"), working_days=3, distance=FAR).amount == Decimal("500.00")


@pytest.mark.parametrize(("visitor", "host"), [(None, IGUALADA), (PORTO, None), (None, None)])
def test_without_coordinates_the_distance_is_missing_and_there_is_no_amount_yet(visitor, host):
    distance = lump_sum.distance_between(visitor, host)
    computed = lump_sum.compute(cap=CAP, working_days=3, distance=distance)
    assert computed.distance_missing
    assert computed.amount is None
    assert computed.halved_reasons == (HalvedReason.SHORT_STAY,)  # known already, shown already


def test_a_distance_entered_by_a_manager_says_who_entered_it_and_completes_the_sum():
    manager = uuid4()
    missing = lump_sum.compute(cap=CAP, working_days=6, distance=None)
    completed = lump_sum.with_distance(missing, lump_sum.entered_distance(Decimal(150), at=NOW, by=manager))
    assert completed.distance == Distance(Decimal(150), DistanceSource.ENTERED_BY_MANAGER, manager, NOW)
    assert (completed.amount, completed.halved_reasons) == (Decimal("450.00"), (HalvedReason.NEAR,))


def test_a_negative_distance_is_refused():
    with pytest.raises(InvalidDistance):
        lump_sum.entered_distance(Decimal(-1), at=NOW, by=uuid4())


def test_the_lump_sum_of_a_stay_counts_the_host_countrys_working_days():

    stay = lump_sum.for_stay(
        cap=CAP, country="ES", first_day=date(2027, 1, 4), last_day=date(2027, 1, 8), distance=FAR
    )
    assert (stay.working_days, stay.amount) == (4, Decimal("450.00"))  # Epiphany makes it short
