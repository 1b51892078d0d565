"""Writers of the common strategy queue behind one lock: concurrent approvals and drafts stay exact."""

import asyncio

import pytest

from knowledge.domain.partners import PARTNERS

from .roadmap_service import STRATEGY, RoadmapApi, api

pytestmark = pytest.mark.integration
__all__ = ["api"]


async def test_five_approvals_at_the_same_moment_bring_the_version_into_force_exactly_once(
    api: RoadmapApi,
) -> None:
    assert (await api.call("POST", "/partnership-strategy/versions", "Modacc", STRATEGY)).status_code == 201
    answers = await asyncio.gather(
        *(api.call("POST", "/partnership-strategy/versions/1/approvals", p.short_name) for p in PARTNERS)
    )
    assert [a.status_code for a in answers] == [200] * 5
    assert sum(a.json()["approved_at"] is not None for a in answers) == 1  # only the last one saw all five

    events = await api.events(at_least=7)
    assert sorted(e["event_type"] for e in events).count("PartnershipStrategyApproved") == 1


async def test_drafts_at_the_same_moment_become_consecutive_versions(api: RoadmapApi) -> None:
    answers = await asyncio.gather(
        *(api.call("POST", "/partnership-strategy/versions", p.short_name, STRATEGY) for p in PARTNERS)
    )
    assert sorted(a.json()["number"] for a in answers) == [1, 2, 3, 4, 5]
