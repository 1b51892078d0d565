from datetime import UTC, datetime
from uuid import uuid4

from membership.domain import industry_map
from membership.domain.organisations import Category, Organisation, Status
from membership.domain.profile import PROFILE_FIELDS, Profile
from membership.domain.vocabulary import is_country, is_language


def organisation(**changes) -> Organisation:
    values = {
        "id": uuid4(),
        "category": Category.SME,
        "cluster_id": uuid4(),
        "country": "ES",
        "registration_number": "ES-1",
        "status": Status.ACTIVE,
        "applied_at": datetime.now(UTC),
    }
    profile = {"legal_name": "Teixits SL", "latitude": 41.5, "longitude": 1.6}
    profile.update((k, v) for k, v in changes.items() if k in PROFILE_FIELDS)
    values.update((k, v) for k, v in changes.items() if k not in PROFILE_FIELDS)
    return Organisation(**values, profile=Profile(**profile))


def test_features_put_longitude_first_and_carry_no_registration_number():
    collection = industry_map.feature_collection([organisation()])
    feature = collection["features"][0]
    assert feature["geometry"]["coordinates"] == [1.6, 41.5]
    assert "registration_number" not in feature["properties"]


def test_organisations_without_coordinates_are_left_off_the_map():
    unplaced = organisation(latitude=None, longitude=None)
    assert industry_map.feature_collection([unplaced])["features"] == []


def test_csv_cells_that_look_like_formulas_are_neutralised():
    row = industry_map.csv_row(organisation(legal_name="=HYPERLINK(1)", value_chains=("a", "b")))
    assert row[1] == "'=HYPERLINK(1)"
    assert row[industry_map.CSV_COLUMNS.index("value_chains")] == "a;b"


def test_country_and_language_codes_are_checked_against_iso_lists():
    assert is_country("ES") and is_country("DK")
    assert not is_country("XX") and not is_country("es")
    assert is_language("ca") and not is_language("zz")
