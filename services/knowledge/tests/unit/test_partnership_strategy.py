"""The common strategy: drafted by a partner's manager, approved once by each of the five partners."""

from dataclasses import replace
from typing import Any
from uuid import uuid4

import pytest

from cloth_shared.contracts.knowledge_roadmap import (
    PartnershipStrategyApproved,
    PartnershipStrategyCommented,
    PartnershipStrategyDrafted,
    PartnershipStrategyEndorsed,
)
from cloth_shared.errors import Conflict, InvalidInput, NotAllowed, NotFound
from knowledge.domain import roadmap
from knowledge.domain.partners import PARTNERS
from knowledge.domain.roadmap import CommonAction, Objective
from knowledge.service_layer.roadmap import (
    approve_strategy,
    comment_strategy,
    draft_strategy,
    strategy_in_force,
    strategy_versions,
)

from .fakes import FakeKnowledgeUnitOfWork
from .roadmap_world import BFA, EA, ICONIC, LDC, MODACC, a_strategy, admin, manager_of, member

ALL = (MODACC, BFA, EA, ICONIC, LDC)


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"objectives": ()}, "no-objectives"),
        ({"objectives": (Objective("O1", "a", ""), Objective("O1", "b", ""))}, "duplicate-objective-code"),
        ({"actions": (CommonAction("A1", "x", "O9", frozenset({MODACC})),)}, "unknown-objective"),
        ({"actions": (CommonAction("A1", "x", "O1", frozenset({uuid4()})),)}, "unknown-partner-cluster"),
        ({"actions": (CommonAction("A1", "x", "O1", frozenset()),)}, "unknown-partner-cluster"),
    ],
)
def test_a_strategy_needs_objectives_unique_codes_and_actions_serving_its_objectives_by_partners(
    change: dict[str, Any], code: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        roadmap.check_content(replace(a_strategy(), **change))
    assert refused.value.code == code


async def test_a_version_is_approved_when_the_fifth_partner_approves_and_not_before() -> None:
    uow = FakeKnowledgeUnitOfWork()
    version = await draft_strategy(uow, manager_of(MODACC), a_strategy())
    for cluster_id in ALL[:4]:
        approved = await approve_strategy(uow, manager_of(cluster_id), version.number)
        assert approved.approved_at is None
    with pytest.raises(NotFound):
        await strategy_in_force(uow)

    approved = await approve_strategy(uow, manager_of(LDC), version.number)
    assert approved.approved_at is not None and approved.awaiting == frozenset()
    assert (await strategy_in_force(uow)).number == 1
    kinds = [type(e) for e in uow.events]
    assert kinds == [PartnershipStrategyDrafted] + [PartnershipStrategyEndorsed] * 5 + [
        PartnershipStrategyApproved
    ]
    assert set(uow.events[-1].approving_cluster_ids) == set(ALL)  # type: ignore[attr-defined]


async def test_a_partner_approves_a_version_once_even_through_another_of_its_managers() -> None:
    uow = FakeKnowledgeUnitOfWork()
    version = await draft_strategy(uow, manager_of(MODACC), a_strategy())
    await approve_strategy(uow, manager_of(BFA), version.number)
    with pytest.raises(Conflict) as refused:
        await approve_strategy(uow, manager_of(BFA), version.number)
    assert refused.value.code == "already-approved"


async def test_a_new_draft_resets_the_approvals_and_the_old_version_can_no_longer_be_approved() -> None:
    uow = FakeKnowledgeUnitOfWork()
    first = await draft_strategy(uow, manager_of(MODACC), a_strategy())
    for cluster_id in ALL:
        await approve_strategy(uow, manager_of(cluster_id), first.number)
    second = await draft_strategy(uow, manager_of(EA), a_strategy("Revised"))

    assert second.number == 2 and second.approving_clusters == frozenset()
    assert (await strategy_in_force(uow)).number == 1  # still in force until the revision is approved
    with pytest.raises(Conflict) as refused:
        await approve_strategy(uow, manager_of(BFA), first.number)
    assert refused.value.code == "strategy-version-superseded"
    assert [v.number for v in await strategy_versions(uow, admin())] == [1, 2]


async def test_partners_comment_as_often_as_they_like_without_approving() -> None:
    uow = FakeKnowledgeUnitOfWork()
    version = await draft_strategy(uow, manager_of(MODACC), a_strategy())
    await comment_strategy(uow, manager_of(ICONIC), version.number, "Add a digital objective?")
    commented = await comment_strategy(uow, manager_of(ICONIC), version.number, "And a target year.")
    assert [d.comment for d in commented.decisions] == ["Add a digital objective?", "And a target year."]
    assert commented.approving_clusters == frozenset()
    assert [e.comment for e in uow.events if isinstance(e, PartnershipStrategyCommented)] == [
        "Add a digital objective?",
        "And a target year.",
    ]
    with pytest.raises(NotFound):
        await comment_strategy(uow, manager_of(ICONIC), 7, "?")


@pytest.mark.parametrize("who", [admin(), member(), manager_of(uuid4())])
async def test_only_a_partner_clusters_manager_drafts_approves_or_comments(who) -> None:  # type: ignore[no-untyped-def]
    uow = FakeKnowledgeUnitOfWork()
    with pytest.raises(NotAllowed):
        await draft_strategy(uow, who, a_strategy())
    await draft_strategy(uow, manager_of(MODACC), a_strategy())
    for attempt in (approve_strategy(uow, who, 1), comment_strategy(uow, who, 1, "no")):
        with pytest.raises(NotAllowed):
            await attempt
    assert len(uow.events) == 1


async def test_drafts_are_read_by_partner_managers_and_administrators_only() -> None:
    uow = FakeKnowledgeUnitOfWork()
    await draft_strategy(uow, manager_of(MODACC), a_strategy())
    assert len(await strategy_versions(uow, manager_of(PARTNERS[4].cluster_id))) == 1
    with pytest.raises(NotAllowed):
        await strategy_versions(uow, member())
