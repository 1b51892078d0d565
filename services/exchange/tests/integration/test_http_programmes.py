"""Programmes, figures and the CSV export over HTTP: who may do what, and what the figures say."""

import csv
import io
from dataclasses import replace
from datetime import date

import pytest

from .api import Api

pytestmark = pytest.mark.integration
SIGNED_IN = ("stranger", "other_manager", "visitor", "host", "visitor_manager", "host_manager")


async def test_only_administrators_create_and_close_programmes_and_anyone_reads_them(api: Api) -> None:
    body = {
        "name": "Pilot",
        "application_window": {"first": "2026-09-01", "last": "2026-12-31"},
        "activity_window": {"first": "2027-01-01", "last": "2027-06-30"},
        "lump_sum_caps": {"ES": "900.00"},
    }
    assert (await api.call("POST", "/programmes", "anonymous", json=body)).status_code == 401
    for who in SIGNED_IN:
        assert (await api.call("POST", "/programmes", who, json=body)).status_code == 403, who
        closing = await api.call("POST", f"/programmes/{api.programme_id}/closure", who)
        assert closing.status_code == 403, who
    created = await api.ok("POST", "/programmes", "admin", 201, json=body)
    assert created["target"] == 100
    assert [(q["category"], q["side"], q["slots"]) for q in created["quotas"]] == [
        ("sme", "visitor", 75),
        ("cluster_organisation", "visitor", 10),
        ("support_organisation", "visitor", 5),
        ("large_company", "host", 5),
        ("public_body", "host", 5),
    ]
    closed = await api.ok("POST", f"/programmes/{created['id']}/closure", "admin")
    assert closed["closed_at"] is not None
    again = await api.call("POST", f"/programmes/{created['id']}/closure", "admin")
    assert (again.status_code, again.json()["code"]) == (409, "programme-closed")
    assert (await api.ok("GET", f"/programmes/{created['id']}", "anonymous"))["name"] == "Pilot"


async def test_a_programme_with_a_cap_over_1100_euros_is_refused(api: Api) -> None:
    body = {
        "name": "Too generous",
        "application_window": {"first": "2026-09-01", "last": "2026-12-31"},
        "activity_window": {"first": "2027-01-01", "last": "2027-06-30"},
        "lump_sum_caps": {"DK": "1200.00"},
    }
    answer = await api.call("POST", "/programmes", "admin", json=body)
    assert (answer.status_code, answer.json()["code"]) == (422, "validation-failed")


async def test_public_figures_count_approved_and_completed_per_target_cluster_and_country_pair(
    api: Api,
) -> None:
    await api.completed()
    other = await api.fresh()
    await other.approved()
    api.clock.set(date(2027, 3, 10))
    figures = await api.ok("GET", f"/programmes/{api.programme_id}/figures", "anonymous")
    assert (figures["total"]["slots"], figures["total"]["approved"], figures["total"]["completed"]) == (
        100,
        2,
        1,
    )
    sme = next(t for t in figures["categories"] if t["category"] == "sme")
    assert (sme["slots"], sme["approved"], sme["completed"]) == (75, 2, 1)
    assert sme["approved_by"] is not None and sme["completed_by"] is not None
    assert {(c["cluster_id"], c["approved"], c["completed"]) for c in figures["by_visitor_cluster"]} == {
        (str(api.visitor.cluster_id), 1, 1),
        (str(other.visitor.cluster_id), 1, 0),
    }
    assert figures["flows"] == [{"from_country": "PT", "to_country": "ES", "approved": 2, "completed": 1}]


async def test_the_csv_export_is_for_managers_and_administrators_and_defuses_formulas(api: Api) -> None:
    api.host = replace(api.host, legal_name='=HYPERLINK("http://evil.example")')
    await api.know(api.host)
    await api.completed()
    path = f"/programmes/{api.programme_id}/exchanges.csv"
    assert (await api.call("GET", path, "anonymous")).status_code == 401
    for who in ("stranger", "visitor", "host"):
        assert (await api.call("GET", path, who)).status_code == 403, who
    for who in ("visitor_manager", "other_manager", "admin"):
        answer = await api.call("GET", path, who)
        assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv"), who
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert len(rows) == 1
    assert rows[0]["host_organisation"] == '\'=HYPERLINK("http://evil.example")'
    assert rows[0]["state"] == "completed" and rows[0]["lump_sum_eur"] == "900.00"
    assert "@" not in answer.text  # no e-mail addresses
