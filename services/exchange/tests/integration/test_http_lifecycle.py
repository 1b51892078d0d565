"""The lifecycle over HTTP on real PostgreSQL: each step answered, stored, and announced through
the outbox; refusals as problem documents with stable codes."""

import pytest

from .api import COMMITMENT, Api

pytestmark = pytest.mark.integration


async def test_from_request_to_paid_lump_sum_every_public_step_goes_through_the_outbox(api: Api) -> None:
    exchange_id = await api.completed()
    paid = await api.ok("POST", f"/exchanges/{exchange_id}/payment", "visitor_manager")
    assert (paid["state"], paid["paid_amount_eur"]) == ("lump_sum_paid", "900.00")
    assert await api.outbox() == [
        "ExchangeRequested",
        "ExchangeAccepted",
        "ExchangeCommitmentAgreed",
        "ExchangeApproved",
        "ExchangeStarted",
        "ExchangeReportSubmitted",
        "ExchangeCompleted",
        "LumpSumPaid",
    ]
    keys = await api.infra.pool.fetch("SELECT DISTINCT message_key FROM outbox")
    assert [row["message_key"] for row in keys] == [exchange_id]


async def test_a_request_failing_several_rules_gets_every_refusal_and_nothing_is_stored(api: Api) -> None:
    same_country = {"host_organisation_id": str(api.visitor.organisation_id)}
    answer = await api.call(
        "POST",
        f"/programmes/{api.programme_id}/exchanges",
        "visitor",
        json={
            "visitor_organisation_id": str(api.visitor.organisation_id),
            "activity_kind": "networking",
            "first_day": "2027-03-06",
            "last_day": "2027-03-07",  # a weekend
            **same_country,
        },
    )
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    problem = answer.json()
    assert problem["code"] == "not-eligible"
    assert [r["code"] for r in problem["refusals"]] == ["same-country", "too-short"]
    assert all(r["reason"] for r in problem["refusals"])
    assert await api.infra.pool.fetchval("SELECT count(*) FROM exchanges") == 0
    assert await api.outbox() == []


async def test_a_step_out_of_turn_is_a_conflict_naming_the_state_and_the_allowed_steps(api: Api) -> None:
    exchange_id = await api.requested()
    answer = await api.call("POST", f"/exchanges/{exchange_id}/validation", "visitor_manager")
    assert answer.status_code == 409
    problem = answer.json()
    assert problem["code"] == "invalid-exchange-transition"
    assert (problem["current_state"], problem["allowed_next"]) == (
        "requested",
        ["accept", "cancel", "decline"],
    )


async def test_the_lump_sum_is_shown_before_approval_and_a_missing_distance_is_entered_by_the_manager(
    api: Api,
) -> None:
    from dataclasses import replace

    api.visitor = replace(api.visitor, coordinates=None)
    await api.know(api.visitor)
    exchange_id = await api.agreed()
    shown = await api.ok("GET", f"/exchanges/{exchange_id}", "visitor")
    assert shown["state"] == "commitment_agreed"
    assert shown["lump_sum"]["distance_missing"] is True and shown["lump_sum"]["amount_eur"] is None
    refused = await api.call("POST", f"/exchanges/{exchange_id}/approval", "visitor_manager")
    assert (refused.status_code, refused.json()["code"]) == (409, "distance-missing")
    forbidden = await api.call(
        "PUT", f"/exchanges/{exchange_id}/distance", "host_manager", json={"km": "150"}
    )
    assert forbidden.status_code == 403
    entered = await api.ok("PUT", f"/exchanges/{exchange_id}/distance", "visitor_manager", json={"km": "150"})
    manager = api.people["visitor_manager"].subject
    assert entered["lump_sum"] | {"cap_eur": None} == {
        "amount_eur": "450.00",
        "cap_eur": None,
        "working_days": 5,
        "distance_km": "150",
        "distance_source": "entered_by_manager",
        "distance_entered_by": str(manager),
        "distance_missing": False,
        "halved_reasons": ["near"],
    }
    await api.ok("POST", f"/exchanges/{exchange_id}/approval", "visitor_manager")


async def test_the_history_says_who_did_what_and_when(api: Api) -> None:
    exchange_id = await api.agreed()
    history = await api.ok("GET", f"/exchanges/{exchange_id}/history", "host_manager")
    steps = [(entry["step"], entry["by"]) for entry in history]
    assert steps[:3] == [
        ("request", str(api.people["visitor"].subject)),
        ("accept", str(api.people["host"].subject)),
        ("amend_commitment", str(api.people["visitor"].subject)),
    ]
    assert [entry["note"] for entry in history[3:]] == ["visitor", "host", "visitor_cluster", "host_cluster"]
    assert history[-1]["state"] == "commitment_agreed"


async def test_a_changed_commitment_clears_the_signatures_and_needs_all_four_again(api: Api) -> None:
    exchange_id = await api.agreed()
    changed = COMMITMENT | {"goals": ["Learn weaving"]}
    amended = await api.ok("PUT", f"/exchanges/{exchange_id}/commitment", "host", json=changed)
    assert (amended["state"], amended["signatures"]) == ("accepted", [])
    assert amended["missing_signatures"] == ["visitor", "host", "visitor_cluster", "host_cluster"]


async def test_request_bodies_refuse_unknown_fields_and_bodies_over_the_limit(api: Api) -> None:
    exchange_id = await api.requested()
    unknown = await api.call(
        "POST", f"/exchanges/{exchange_id}/cancellation", "visitor", json={"reason": "ill", "x": 1}
    )
    assert (unknown.status_code, unknown.json()["code"]) == (422, "validation-failed")
    huge = await api.call(
        "POST", f"/exchanges/{exchange_id}/cancellation", "visitor", json={"reason": "x" * 300_000}
    )
    assert (huge.status_code, huge.json()["code"]) == (413, "body-too-large")
    assert await api.state(exchange_id) == "requested"


async def test_an_exchange_is_listed_for_its_parties_and_managers_only(api: Api) -> None:
    exchange_id = await api.requested()
    for who in ("visitor", "host", "visitor_manager", "host_manager", "admin"):
        listed = await api.ok("GET", f"/exchanges?programme_id={api.programme_id}", who)
        assert [e["id"] for e in listed] == [exchange_id], who
    for who in ("stranger", "other_manager"):
        assert await api.ok("GET", "/exchanges", who) == []


async def test_reading_exchanges_names_both_organisations_and_a_step_answer_leaves_names_out(
    api: Api,
) -> None:
    exchange_id = await api.requested()
    names = (api.visitor.legal_name, api.host.legal_name)
    [listed] = await api.ok("GET", f"/exchanges?programme_id={api.programme_id}", "host_manager")
    one = await api.ok("GET", f"/exchanges/{exchange_id}", "visitor")
    accepted = await api.ok("POST", f"/exchanges/{exchange_id}/acceptance", "host")
    assert names[0] and names[0] != names[1]
    assert (listed["visitor"]["name"], listed["host"]["name"]) == names
    assert (one["visitor"]["name"], one["host"]["name"]) == names
    assert accepted["visitor"]["name"] is None
