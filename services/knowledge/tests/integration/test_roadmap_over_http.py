"""The cooperation roadmap over HTTP on real PostgreSQL, its events read back from real Kafka."""

import pytest

from knowledge.domain.partners import PARTNERS

from .roadmap_service import CLUSTER_IDS, CLUSTER_STRATEGY, STRATEGY, RoadmapApi, api

pytestmark = pytest.mark.integration
__all__ = ["api"]

MANAGERS = [p.short_name for p in PARTNERS]


async def test_five_partner_managers_approve_a_draft_and_it_comes_into_force_announced_on_kafka(
    api: RoadmapApi,
) -> None:
    drafted = await api.call("POST", "/partnership-strategy/versions", "Modacc", STRATEGY)
    assert drafted.status_code == 201, drafted.text
    assert (await api.call("GET", "/partnership-strategy", "anonymous")).status_code == 404

    for count, manager in enumerate(MANAGERS, start=1):
        answer = await api.call("POST", "/partnership-strategy/versions/1/approvals", manager)
        assert answer.status_code == 200, answer.text
        assert len(answer.json()["approving_cluster_ids"]) == count
        assert (answer.json()["approved_at"] is not None) == (count == 5)

    in_force = await api.call("GET", "/partnership-strategy", "anonymous")
    assert (in_force.status_code, in_force.json()["number"], in_force.json()["awaiting_cluster_ids"]) == (
        200,
        1,
        [],
    )

    events = await api.events(at_least=7)
    assert [e["event_type"] for e in events] == (
        ["PartnershipStrategyDrafted"] + ["PartnershipStrategyEndorsed"] * 5 + ["PartnershipStrategyApproved"]
    )
    assert {e["key"] for e in events} == {"partnership-strategy"}
    approved = events[-1]["payload"]
    assert sorted(approved["approving_cluster_ids"]) == sorted(CLUSTER_IDS.values())
    assert [o["code"] for o in approved["strategy"]["objectives"]] == ["O1", "O2"]


async def test_a_partner_approves_once_and_a_new_draft_needs_every_approval_again(api: RoadmapApi) -> None:
    await api.call("POST", "/partnership-strategy/versions", "Modacc", STRATEGY)
    assert (await api.call("POST", "/partnership-strategy/versions/1/approvals", "BFA")).status_code == 200
    twice = await api.call("POST", "/partnership-strategy/versions/1/approvals", "BFA")
    assert (twice.status_code, twice.json()["code"]) == (409, "already-approved")

    commented = await api.call(
        "POST", "/partnership-strategy/versions/1/comments", "LDC", {"text": "Add O3?"}
    )
    assert commented.status_code == 201 and commented.json()["comments"][0]["text"] == "Add O3?"
    revised = await api.call("POST", "/partnership-strategy/versions", "LDC", STRATEGY | {"title": "Revised"})
    assert (revised.json()["number"], revised.json()["approving_cluster_ids"]) == (2, [])

    stale = await api.call("POST", "/partnership-strategy/versions/1/approvals", "EA")
    assert (stale.status_code, stale.json()["code"]) == (409, "strategy-version-superseded")
    versions = (await api.call("GET", "/partnership-strategy/versions", "admin")).json()
    assert [(v["number"], len(v["approving_cluster_ids"])) for v in versions] == [(1, 1), (2, 0)]


async def test_cluster_strategies_labels_and_the_cooperation_map(api: RoadmapApi) -> None:
    modacc, ldc = CLUSTER_IDS["Modacc"], CLUSTER_IDS["LDC"]
    early = await api.call("PUT", f"/clusters/{modacc}/strategy", "Modacc", CLUSTER_STRATEGY)
    assert (early.status_code, early.json()["code"]) == (409, "no-partnership-strategy")
    await api.call("POST", "/partnership-strategy/versions", "Modacc", STRATEGY)

    updated = await api.call("PUT", f"/clusters/{modacc}/strategy", "Modacc", CLUSTER_STRATEGY)
    assert (updated.status_code, updated.json()["aligned_with_version"]) == (200, 1), updated.text
    [standing] = (await api.call("GET", f"/clusters/{modacc}/strategy", "anonymous")).json()["standings"]
    assert (standing["indicator_code"], standing["value"], standing["share_of_target"]) == ("I1", 70, 0.5)
    awarded = await api.call(
        "POST", f"/clusters/{ldc}/labels", "admin", {"level": "silver", "awarded_on": "2026-06-15"}
    )
    assert (awarded.status_code, awarded.json()["next_level"]) == (201, "gold")
    lower = await api.call(
        "POST", f"/clusters/{ldc}/labels", "admin", {"level": "bronze", "awarded_on": "2026-07-01"}
    )
    assert (lower.status_code, lower.json()["code"]) == (409, "label-not-higher")
    plan = await api.call(
        "PUT", f"/clusters/{ldc}/label-plan", "LDC", {"steps": [{"title": "ESCA benchmarking"}]}
    )
    assert plan.json()["plan"] == [{"title": "ESCA benchmarking", "due": None, "done": False}]

    cooperation = (await api.call("GET", "/cooperation-map", "anonymous")).json()
    links = {
        frozenset(link["cluster_ids"]): [a["code"] for a in link["actions"]] for link in cooperation["links"]
    }
    assert links == {
        frozenset({modacc, CLUSTER_IDS["EA"]}): ["A1"],
        frozenset({CLUSTER_IDS["BFA"], CLUSTER_IDS["ICONIC"]}): ["A2"],
        frozenset({modacc, ldc}): ["M1"],
    }
    assert {c["short_name"]: c["label"] for c in cooperation["clusters"]}["LDC"] == "silver"

    events = await api.events(at_least=3)
    by_type = {e["event_type"]: e for e in events}
    assert by_type["ClusterStrategyUpdated"]["key"] == modacc
    assert by_type["ClusterStrategyUpdated"]["payload"]["progress"][0]["share_of_target"] == 0.5
    assert (by_type["ClusterLabelAwarded"]["key"], by_type["ClusterLabelAwarded"]["payload"]["level"]) == (
        ldc,
        "silver",
    )
