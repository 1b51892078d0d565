"""Hosting offers, suggestions, group missions and evidence files over HTTP on real PostgreSQL."""

import hashlib

import pytest

from exchange.domain.evidence import MAX_EVIDENCE_BYTES

from ..unit.world import FIRST_DAY, LAST_DAY, a_party
from .api import TOKENS, Api

pytestmark = pytest.mark.integration
PDF = b"%PDF-1.7\n" + b"0" * 1000
OFFER = {
    "title": "Natural dyeing at industrial scale",
    "topics": ["natural dyes"],
    "activity_kinds": ["knowledge_sharing", "capacity_building"],
    "languages": ["en", "es"],
    "periods": [{"first": "2027-03-01", "last": "2027-05-31"}],
    "capacity": 2,
}


async def test_a_host_publishes_offers_the_catalogue_filters_them_and_pages_are_capped(api: Api) -> None:
    body = OFFER | {"host_organisation_id": str(api.host.organisation_id)}
    for who in ("visitor", "host_manager", "admin"):
        assert (await api.call("POST", "/hosting-offers", who, json=body)).status_code == 403, who
    offer = await api.ok("POST", "/hosting-offers", "host", 201, json=body)
    assert (offer["host_country"], offer["host_category"]) == ("ES", "sme")
    assert (await api.outbox())[-1] == "HostingOfferPublished"
    found = await api.ok(
        "GET", "/hosting-offers?country=ES&activity_kind=capacity_building&language=es", "anonymous"
    )
    assert [o["id"] for o in found] == [offer["id"]]
    assert (
        await api.ok("GET", "/hosting-offers?available_from=2027-07-01&available_to=2027-07-31", "anonymous")
        == []
    )
    assert await api.ok("GET", "/hosting-offers?value_chain=digital_technology", "anonymous") == []
    too_many = await api.call("GET", "/hosting-offers?limit=51", "anonymous")
    assert (too_many.status_code, too_many.json()["code"]) == (422, "validation-failed")
    assert (await api.call("DELETE", f"/hosting-offers/{offer['id']}", "visitor")).status_code == 403
    assert (await api.call("DELETE", f"/hosting-offers/{offer['id']}", "host")).status_code == 204
    assert (await api.call("GET", f"/hosting-offers/{offer['id']}", "anonymous")).status_code == 404


async def test_the_catalogue_answers_a_conditional_get_and_is_revalidated_on_every_read(api: Api) -> None:
    before = await api.call("GET", "/hosting-offers", "anonymous")
    assert before.headers["cache-control"] == "public, max-age=0"
    etag = before.headers["etag"]
    unchanged = await api.http.get("/hosting-offers", headers={"If-None-Match": etag})
    assert (unchanged.status_code, unchanged.content) == (304, b"")

    offer = await api.ok(
        "POST",
        "/hosting-offers",
        "host",
        201,
        json=OFFER | {"host_organisation_id": str(api.host.organisation_id)},
    )

    changed = await api.http.get("/hosting-offers", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != etag
    assert [o["id"] for o in changed.json()] == [offer["id"]]
    assert changed.json()[0]["periods"] == [{"first": "2027-03-01", "last": "2027-05-31"}]


async def test_suggested_hosts_come_ranked_with_the_parts_of_their_score(api: Api) -> None:
    same_country = a_party(country="PT")
    await api.know(same_country)
    await api.ok(
        "POST",
        "/hosting-offers",
        "host",
        201,
        json=OFFER | {"host_organisation_id": str(api.host.organisation_id)},
    )
    portuguese = TOKENS.member_of(same_country.organisation_id)
    answer = await api.http.post(
        "/hosting-offers",
        json=OFFER | {"host_organisation_id": str(same_country.organisation_id)},
        headers=portuguese,
    )
    assert answer.status_code == 201
    dates = "first_day=2027-03-01&last_day=2027-03-05"
    path = f"/organisations/{api.visitor.organisation_id}/suggested-hosts?{dates}"
    for who in ("host", "host_manager", "stranger"):
        assert (await api.call("GET", path, who)).status_code == 403, who
    suggestions = await api.ok("GET", path + "&activity_kind=knowledge_sharing", "visitor_manager")
    assert [s["offer"]["host_country"] for s in suggestions] == ["ES"]  # never the visitor's own country
    parts = {p["name"]: p for p in suggestions[0]["parts"]}
    assert parts["activity_kinds"]["points"] == 20.0 and parts["other_country"]["points"] == 10.0
    assert suggestions[0]["score"] == pytest.approx(sum(p["points"] for p in parts.values()), abs=0.05)
    assert all(p["why"] for p in parts.values())


async def test_a_group_mission_gathers_visitors_from_several_countries_each_with_their_own_exchange(
    api: Api,
) -> None:
    mission_body = {
        "host_organisation_id": str(api.host.organisation_id),
        "title": "Visit to the Barcelona textile fair",
        "first_day": str(FIRST_DAY),
        "last_day": str(LAST_DAY),
        "agenda": [{"day": str(FIRST_DAY), "activities": "Guided tour"}],
        "capacity": 2,
    }
    path = f"/programmes/{api.programme_id}/group-missions"
    assert (await api.call("POST", path, "visitor", json=mission_body)).status_code == 403
    mission = await api.ok("POST", path, "host", 201, json=mission_body)
    visitors = [a_party(country=country) for country in ("PT", "BG", "FR")]
    await api.know(*visitors)
    joined = [
        await api.requested(
            visitor, group_mission_id=mission["id"], host_organisation_id=None, first_day=None, last_day=None
        )
        for visitor in visitors[:2]
    ]
    full = await api.http.post(
        f"/programmes/{api.programme_id}/exchanges",
        json={
            "visitor_organisation_id": str(visitors[2].organisation_id),
            "activity_kind": "networking",
            "group_mission_id": mission["id"],
        },
        headers=TOKENS.member_of(visitors[2].organisation_id),
    )
    assert (full.status_code, full.json()["code"]) == (409, "group-mission-full")
    assert (await api.call("GET", f"/group-missions/{mission['id']}", "anonymous")).status_code == 401
    seen = await api.ok("GET", f"/group-missions/{mission['id']}", "stranger")
    assert seen["free_places"] == 0
    assert {(v["exchange_id"], v["visitor_country"]) for v in seen["visitors"]} == {
        (joined[0], "PT"),
        (joined[1], "BG"),
    }
    listed = await api.ok("GET", path, "anonymous")
    assert [m["id"] for m in listed] == [mission["id"]]


async def test_evidence_goes_with_the_report_typed_by_content_and_only_parties_and_managers_download(
    api: Api,
) -> None:
    exchange_id = await api.in_progress()
    path = f"/exchanges/{exchange_id}/evidence"
    renamed = await api.call("POST", path, "visitor", params={"filename": "photo.pdf"}, content=b"GIF89a....")
    assert (renamed.status_code, renamed.json()["code"]) == (422, "evidence-type-not-accepted")
    too_big = await api.call(
        "POST", path, "visitor", params={"filename": "big.pdf"}, content=b"%PDF-" + bytes(MAX_EVIDENCE_BYTES)
    )
    assert (too_big.status_code, too_big.json()["code"]) == (413, "body-too-large")
    uploaded = await api.ok("POST", path, "visitor", 201, params={"filename": "report.pdf"}, content=PDF)
    assert (uploaded["media_type"], uploaded["sha256"]) == (
        "application/pdf",
        hashlib.sha256(PDF).hexdigest(),
    )
    for _ in range(9):
        await api.ok("POST", path, "visitor", 201, params={"filename": "more.pdf"}, content=PDF)
    eleventh = await api.call("POST", path, "visitor", params={"filename": "one-too-many.pdf"}, content=PDF)
    assert (eleventh.status_code, eleventh.json()["code"]) == (409, "evidence-limit-reached")

    api.clock.set(LAST_DAY, 18)
    report = await api.ok(
        "POST", f"/exchanges/{exchange_id}/report", "visitor", json={"summary": "s", "lessons_learned": "l"}
    )
    assert len(report["report"]["evidence_ids"]) == 10
    for who in ("visitor", "host", "visitor_manager", "host_manager"):
        download = await api.call("GET", f"{path}/{uploaded['id']}", who)
        assert (download.status_code, download.content, download.headers["content-type"]) == (
            200,
            PDF,
            "application/pdf",
        )
    for who, status in (("admin", 403), ("stranger", 403), ("other_manager", 403), ("anonymous", 401)):
        assert (await api.call("GET", f"{path}/{uploaded['id']}", who)).status_code == status, who


async def test_only_the_hosts_people_open_a_mission_for_it_and_its_dates_must_be_eligible(api: Api) -> None:
    body = {
        "host_organisation_id": str(api.host.organisation_id),
        "title": "Weekend fair",
        "first_day": "2027-03-06",
        "last_day": "2027-03-07",
        "capacity": 5,
    }
    answer = await api.call("POST", f"/programmes/{api.programme_id}/group-missions", "host", json=body)
    assert (answer.status_code, answer.json()["code"]) == (422, "not-eligible")
    assert [r["code"] for r in answer.json()["refusals"]] == ["too-short"]
