"""Each cluster's strategy aligned with the common one, its labels, and who works with whom."""

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest

from cloth_shared.contracts.knowledge_roadmap import ClusterLabelAwarded, ClusterStrategyUpdated
from cloth_shared.errors import Conflict, InvalidInput, NotAllowed, NotFound
from knowledge.domain import excellence_labels
from knowledge.domain.excellence_labels import Certification, LabelLevel, PlannedStep
from knowledge.service_layer.cluster_roadmap import (
    AwardLabel,
    UpdateClusterStrategy,
    award_label,
    cooperation_map,
    plan_next_label,
    update_cluster_strategy,
)
from knowledge.service_layer.roadmap import draft_strategy

from .fakes import FakeKnowledgeUnitOfWork
from .roadmap_world import (
    BFA,
    EA,
    ICONIC,
    LDC,
    MODACC,
    a_progress,
    a_strategy,
    admin,
    an_action,
    manager_of,
    member,
)

NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)
TODAY = datetime.now(UTC).date()


async def with_a_strategy() -> FakeKnowledgeUnitOfWork:
    uow = FakeKnowledgeUnitOfWork()
    await draft_strategy(uow, manager_of(MODACC), a_strategy())
    return uow


def plan(*actions, progress=None) -> UpdateClusterStrategy:  # type: ignore[no-untyped-def]
    measured = (a_progress(),) if progress is None else tuple(progress)
    return UpdateClusterStrategy("Modacc's way to 2030", tuple(actions) or (an_action(),), measured)


async def test_a_cluster_strategy_aligns_with_the_common_one_and_announces_progress_towards_targets() -> None:
    uow = await with_a_strategy()
    aligned = await update_cluster_strategy(uow, manager_of(MODACC), MODACC, plan())
    assert (aligned.strategy.aligned_with_version, aligned.strategy.revision) == (1, 1)
    [circular, exchanges] = aligned.standings  # every common indicator, reported or not
    assert circular.share_of_target == pytest.approx(0.5)
    assert exchanges.progress is None
    [updated] = uow.events[1:]
    assert isinstance(updated, ClusterStrategyUpdated)
    assert updated.progress[0].share_of_target == pytest.approx(0.5)  # 70 on the way from 20 to 120


async def test_there_is_no_cluster_strategy_before_a_common_one() -> None:
    with pytest.raises(Conflict) as refused:
        await update_cluster_strategy(FakeKnowledgeUnitOfWork(), admin(), MODACC, plan())
    assert refused.value.code == "no-partnership-strategy"


@pytest.mark.parametrize(
    ("command", "code"),
    [
        (plan(an_action(serves=frozenset({"O9"}))), "unknown-objective"),
        (plan(an_action(serves=frozenset())), "unknown-objective"),
        (plan(an_action("M1"), an_action("M1")), "duplicate-action-code"),
        (plan(an_action("M1", frozenset({"O1"}), MODACC)), "unknown-partner-cluster"),
        (plan(progress=(a_progress("I9"),)), "unknown-indicator"),
        (plan(progress=(a_progress(), a_progress())), "unknown-indicator"),
    ],
)
async def test_actions_serve_common_objectives_with_other_partners_and_progress_is_on_common_indicators(
    command: UpdateClusterStrategy, code: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        await update_cluster_strategy(await with_a_strategy(), manager_of(MODACC), MODACC, command)
    assert refused.value.code == code


@pytest.mark.parametrize("who", [manager_of(BFA), member()])
async def test_only_the_clusters_managers_and_administrators_change_its_strategy(who) -> None:  # type: ignore[no-untyped-def]
    uow = await with_a_strategy()
    with pytest.raises(NotAllowed):
        await update_cluster_strategy(uow, who, MODACC, plan())
    assert (await update_cluster_strategy(uow, admin(), MODACC, plan())).strategy.revision == 1
    with pytest.raises(NotFound):
        await update_cluster_strategy(uow, admin(), uuid4(), plan())


def test_labels_only_go_up_or_are_renewed_later_and_gold_has_no_next_level() -> None:
    by, day = uuid4(), date(2025, 1, 10)
    bronze = excellence_labels.award(
        Certification(MODACC), LabelLevel.BRONZE, awarded_on=day, valid_until=None, by=by, at=NOW
    )
    assert bronze.next_level is LabelLevel.SILVER
    gold = excellence_labels.award(
        bronze, LabelLevel.GOLD, awarded_on=day + timedelta(1), valid_until=None, by=by, at=NOW
    )
    assert gold.next_level is None
    for level, on in ((LabelLevel.SILVER, day + timedelta(2)), (LabelLevel.GOLD, day + timedelta(1))):
        with pytest.raises(Conflict) as refused:
            excellence_labels.award(gold, level, awarded_on=on, valid_until=None, by=by, at=NOW)
        assert refused.value.code == "label-not-higher"
    renewed = excellence_labels.award(
        gold, LabelLevel.GOLD, awarded_on=day + timedelta(400), valid_until=None, by=by, at=NOW
    )
    assert len(renewed.awards) == 3
    with pytest.raises(Conflict):
        excellence_labels.plan_next_level(renewed, (PlannedStep("nothing above gold"),))


@pytest.mark.parametrize(
    ("awarded_on", "valid_until", "code"),
    [(NOW.date() + timedelta(1), None, "award-in-the-future"), (NOW.date(), NOW.date(), "invalid-validity")],
)
def test_a_label_is_recorded_once_awarded_and_valid_after_its_award(awarded_on, valid_until, code) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as refused:
        excellence_labels.award(
            Certification(MODACC),
            LabelLevel.BRONZE,
            awarded_on=awarded_on,
            valid_until=valid_until,
            by=uuid4(),
            at=NOW,
        )
    assert refused.value.code == code


async def test_administrators_award_labels_which_clears_the_plan_towards_them() -> None:
    uow = FakeKnowledgeUnitOfWork()
    planned = await plan_next_label(uow, manager_of(EA), EA, (PlannedStep("Benchmarking by ESCA"),))
    assert (planned.next_level, len(planned.plan)) == (LabelLevel.BRONZE, 1)
    awarded = await award_label(uow, admin(), EA, AwardLabel(LabelLevel.BRONZE, TODAY))
    assert awarded.plan == () and awarded.next_level is LabelLevel.SILVER
    [event] = uow.events
    assert isinstance(event, ClusterLabelAwarded)
    assert (event.cluster_id, event.level, event.previous_level) == (EA, "bronze", None)


@pytest.mark.parametrize("who", [manager_of(EA), member()])
async def test_nobody_but_an_administrator_awards_a_label(who) -> None:  # type: ignore[no-untyped-def]
    uow = FakeKnowledgeUnitOfWork()
    with pytest.raises(NotAllowed):
        await award_label(uow, who, EA, AwardLabel(LabelLevel.GOLD, TODAY))
    with pytest.raises(NotAllowed):
        await plan_next_label(uow, manager_of(BFA), EA, ())
    assert uow.events == []


async def test_the_cooperation_map_links_clusters_sharing_common_or_own_actions() -> None:
    uow = await with_a_strategy()  # A1: Modacc + EA; A2: BFA + ICONIC + LDC
    await update_cluster_strategy(
        uow, manager_of(MODACC), MODACC, plan(an_action("M1", frozenset({"O1"}), LDC))
    )
    await award_label(uow, admin(), LDC, AwardLabel(LabelLevel.SILVER, TODAY))

    found = await cooperation_map(uow)
    pairs = {frozenset(link.clusters): [a.code for a in link.actions] for link in found.links}
    assert pairs == {
        frozenset({MODACC, EA}): ["A1"],
        frozenset({BFA, ICONIC}): ["A2"],
        frozenset({BFA, LDC}): ["A2"],
        frozenset({ICONIC, LDC}): ["A2"],
        frozenset({MODACC, LDC}): ["M1"],
    }
    assert found.certifications[LDC].current.level is LabelLevel.SILVER  # type: ignore[union-attr]
    assert found.strategy_version == 1
