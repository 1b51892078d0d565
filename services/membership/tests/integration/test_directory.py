"""The public directory, the industry map and the figures: active organisations only, no personal data."""

import csv
import io
import json

import pytest

from membership.entrypoints.directory import DirectoryPageWithCursor
from membership.entrypoints.schemas import DirectoryEntry


@pytest.fixture
async def populated(membership):
    """Three active organisations in two countries, and one still pending."""
    modacc, bfa = await membership.manager(), await membership.manager(membership.BFA)
    await membership.active(modacc, legal_name="Alfa Teixits")
    await membership.active(
        modacc,
        legal_name="Beta Disseny",
        category="support_organisation",
        value_chains=["creative_industries"],
        description="100% design studio",
    )
    await membership.active(
        bfa,
        legal_name="Gamma Moda",
        cluster_id=str(membership.BFA),
        country="BG",
        region="BG323",
        city="Ruse",
        latitude=43.83,
        longitude=25.96,
    )
    await membership.apply(legal_name="Pending Co")
    return membership


async def names(membership, **params) -> list[str]:
    answer = await membership.http.get("/directory", params=params)
    assert answer.status_code == 200, answer.text
    return [item["legal_name"] for item in answer.json()["items"]]


async def test_the_directory_lists_active_organisations_sorted_and_filtered(populated):
    assert await names(populated) == ["Alfa Teixits", "Beta Disseny", "Gamma Moda"]
    assert await names(populated, country="BG") == ["Gamma Moda"]
    assert await names(populated, category="support_organisation") == ["Beta Disseny"]
    assert await names(populated, value_chain="creative_industries") == ["Beta Disseny"]
    assert await names(populated, cluster_id=str(populated.BFA)) == ["Gamma Moda"]
    assert await names(populated, q="teixits") == ["Alfa Teixits"]
    assert await names(populated, q="100%") == ["Beta Disseny"]  # % is matched literally
    assert await names(populated, q="_") == []  # and _ too


async def test_pages_are_stable_and_their_size_is_capped(populated):
    first = (await populated.http.get("/directory", params={"limit": 2})).json()
    second = (await populated.http.get("/directory", params={"limit": 2, "offset": 2})).json()
    assert [i["legal_name"] for i in first["items"] + second["items"]] == await names(populated)
    assert first["total"] == second["total"] == 3
    assert (await populated.http.get("/directory", params={"limit": 101})).status_code == 422
    assert (await populated.http.get("/directory", params={"sort": "name"})).status_code == 422


async def test_the_directory_shows_no_personal_or_internal_data(populated):
    body = (await populated.http.get("/directory")).text
    for secret in ("@example.org", "registration_number", "Ana Puig", "rejection_reason"):
        assert secret not in body


async def test_directory_entries_are_what_the_response_model_declares(populated):
    answer = await populated.http.get("/directory", params={"country": "BG"})
    page = DirectoryPageWithCursor.model_validate_json(answer.content)
    [entry] = answer.json()["items"]
    assert list(entry) == list(DirectoryEntry.model_fields)
    assert entry == json.loads(page.items[0].model_dump_json())
    assert (entry["city"], entry["latitude"], entry["category"]) == ("Ruse", 43.83, "sme")


async def test_the_map_has_counts_geojson_and_csv_of_active_organisations(populated):
    counts = (await populated.http.get("/map/counts")).json()
    assert counts["country"] == {"BG": 1, "ES": 2}
    assert counts["value_chain"]["fashion_textile"] == 2
    geojson = (await populated.http.get("/map/organisations.geojson", params={"country": "BG"})).json()
    assert geojson["type"] == "FeatureCollection"
    assert geojson["features"][0]["geometry"]["coordinates"] == [25.96, 43.83]
    export = await populated.http.get("/map/organisations.csv")
    rows = list(csv.DictReader(io.StringIO(export.text)))
    assert [r["legal_name"] for r in rows] == ["Alfa Teixits", "Beta Disseny", "Gamma Moda"]


async def test_figures_count_active_participants_against_the_target_of_fifty(populated):
    figures = (await populated.http.get("/figures")).json()
    assert (figures["active_participants"], figures["target"]) == (3, 50)
    assert figures["by_category"] == {"sme": 2, "support_organisation": 1}
    assert figures["by_country"] == {"BG": 1, "ES": 2}


async def test_the_five_alliance_clusters_are_there_from_the_start(membership):
    clusters = (await membership.http.get("/clusters")).json()
    assert sorted(c["short_name"] for c in clusters) == ["BFA", "EA", "ICONIC", "LDC", "Modacc"]


async def test_the_directory_is_paged_by_cursor_and_a_bad_cursor_is_refused(populated):
    first = (await populated.http.get("/directory", params={"limit": 2})).json()
    second = (
        await populated.http.get("/directory", params={"limit": 2, "cursor": first["next_cursor"]})
    ).json()

    assert [i["legal_name"] for i in first["items"] + second["items"]] == await names(populated)
    assert (first["total"], second["total"], second["next_cursor"]) == (3, 3, None)
    for bad in (
        {"cursor": "bm90LWEtY3Vyc29y"},
        {"cursor": "***"},
        {"cursor": first["next_cursor"], "offset": 2},
    ):
        answer = await populated.http.get("/directory", params=bad)
        assert answer.status_code == 422, bad


async def test_public_reads_are_cacheable_and_answer_a_conditional_get_with_304(populated):
    for path in (
        "/directory",
        "/map/counts",
        "/figures",
        "/map/organisations.geojson",
        "/map/organisations.csv",
    ):
        answer = await populated.http.get(path)
        assert answer.status_code == 200, path
        assert answer.headers["cache-control"] == "public, max-age=30", path
        etag = answer.headers["etag"]
        again = await populated.http.get(path, headers={"If-None-Match": etag})
        assert (again.status_code, again.content, again.headers["etag"]) == (304, b"", etag), path
        other = await populated.http.get(path, headers={"If-None-Match": '"something-else"'})
        assert other.status_code == 200, path


async def test_the_etag_changes_when_the_counts_do(populated):
    before = (await populated.http.get("/map/counts")).headers["etag"]
    await populated.active(await populated.manager(), legal_name="Delta Fils")

    after = await populated.http.get("/map/counts", headers={"If-None-Match": before})

    assert after.status_code == 200
    assert after.json()["category"]["sme"] == 3


async def test_private_reads_stay_uncached(populated):
    answer = await populated.http.get("/clusters/00000000-0000-0000-0000-000000000000/applications")
    assert answer.headers["cache-control"] == "no-store"
