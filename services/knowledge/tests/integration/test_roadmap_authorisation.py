"""Who may do what on analyses and the roadmap, endpoint by endpoint: each rule allowed and refused.

Each table is walked in order on one service: refusals first (they change nothing), then the
allowed calls. Anonymous callers get 401 on every write; reads are public.
"""

from typing import Any

import pytest

from .roadmap_service import ANALYSIS, CLUSTER_IDS, CLUSTER_STRATEGY, STRATEGY, RoadmapApi, api

pytestmark = pytest.mark.integration
__all__ = ["api"]

Step = tuple[str, str, str, Any, int]  # method, path, who, body, expected status
MODACC, LDC = CLUSTER_IDS["Modacc"], CLUSTER_IDS["LDC"]


async def walk(api: RoadmapApi, steps: list[Step]) -> None:
    for method, path, who, body, status in steps:
        answer = await api.call(method, path, who, body)
        assert answer.status_code == status, (method, path, who, answer.text)


def refused(method: str, path: str, body: Any, *people: str) -> list[Step]:
    """401 for an anonymous caller, 403 for the people named."""
    return [(method, path, who, body, 401 if who == "anonymous" else 403) for who in ("anonymous", *people)]


async def test_a_regions_analysis_is_written_by_its_clusters_managers_and_administrators(
    api: RoadmapApi,
) -> None:
    put = "/regional-analyses/ES51/2025"
    await walk(
        api,
        [
            *refused("PUT", put, ANALYSIS, "member", "BFA", "outsider"),
            ("PUT", put, "Modacc", ANALYSIS, 201),
            ("PUT", put, "admin", ANALYSIS, 200),
            ("GET", "/regional-analyses", "anonymous", None, 200),
            ("GET", "/regional-analyses/ES51", "anonymous", None, 200),
            ("GET", "/partner-clusters", "anonymous", None, 200),
        ],
    )


async def test_the_common_strategy_is_drafted_approved_and_commented_by_partner_managers_only(
    api: RoadmapApi,
) -> None:
    drafts, approvals = "/partnership-strategy/versions", "/partnership-strategy/versions/1/approvals"
    comments, note = "/partnership-strategy/versions/1/comments", {"text": "Fine by us."}
    await walk(
        api,
        [
            *refused("POST", drafts, STRATEGY, "member", "outsider", "admin"),
            *refused("GET", drafts, None, "member", "outsider"),
            ("POST", drafts, "EA", STRATEGY, 201),
            ("GET", drafts, "admin", None, 200),
            ("GET", drafts, "ICONIC", None, 200),
            *refused("POST", approvals, None, "member", "outsider", "admin"),
            *refused("POST", comments, note, "member", "outsider", "admin"),
            ("POST", comments, "BFA", note, 201),
            ("POST", approvals, "BFA", None, 200),
            ("POST", approvals, "BFA", None, 409),
            ("GET", "/partnership-strategy", "anonymous", None, 404),
            ("GET", "/cooperation-map", "anonymous", None, 200),
        ],
    )


async def test_a_clusters_plans_are_its_managers_and_administrators_and_labels_are_administrators(
    api: RoadmapApi,
) -> None:
    await walk(api, [("POST", "/partnership-strategy/versions", "Modacc", STRATEGY, 201)])
    strategy, labels, plan = (
        f"/clusters/{MODACC}/strategy",
        f"/clusters/{LDC}/labels",
        f"/clusters/{LDC}/label-plan",
    )
    award, steps = (
        {"level": "bronze", "awarded_on": "2025-05-01"},
        {"steps": [{"title": "ESCA benchmarking"}]},
    )
    await walk(
        api,
        [
            *refused("PUT", strategy, CLUSTER_STRATEGY, "member", "LDC"),
            ("GET", strategy, "anonymous", None, 404),
            ("PUT", strategy, "Modacc", CLUSTER_STRATEGY, 200),
            ("PUT", strategy, "admin", CLUSTER_STRATEGY, 200),
            ("GET", strategy, "anonymous", None, 200),
            *refused("POST", labels, award, "member", "LDC"),
            ("POST", labels, "admin", award, 201),
            *refused("PUT", plan, steps, "member", "Modacc"),
            ("PUT", plan, "LDC", steps, 200),
            ("PUT", plan, "admin", steps, 200),
            ("GET", f"/clusters/{LDC}/certification", "anonymous", None, 200),
            ("GET", "/clusters/0b1c0000-0000-4000-8000-000000000099/certification", "anonymous", None, 404),
        ],
    )
