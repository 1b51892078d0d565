"""The fake and PostgreSQL repositories of analyses and the roadmap keep the same promises."""

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from uuid import uuid4

import pytest

from cloth_shared.outbox.writer import OutboxWriter
from knowledge.adapters.unit_of_work import PostgresKnowledgeUnitOfWork
from knowledge.bootstrap import MIGRATIONS
from knowledge.domain import analyses, cluster_strategies, excellence_labels, roadmap
from knowledge.domain.excellence_labels import Certification, LabelLevel, PlannedStep
from knowledge.service_layer.ports import KnowledgeUnitOfWork

from ..unit.fakes import FakeKnowledgeUnitOfWork
from ..unit.roadmap_world import BFA, LDC, MODACC, a_progress, a_strategy, an_action, an_indicator

pytestmark = pytest.mark.integration

UnitOfWorkFactory = Callable[[], KnowledgeUnitOfWork]
NOON = datetime(2026, 11, 30, 12, tzinfo=UTC)


@pytest.fixture(params=["fake", "postgres"])
async def new_uow(request: pytest.FixtureRequest, migrated_pool) -> UnitOfWorkFactory:  # type: ignore[no-untyped-def]
    if request.param == "fake":
        fake = FakeKnowledgeUnitOfWork()
        return lambda: fake
    pool = await migrated_pool(MIGRATIONS)
    return lambda: PostgresKnowledgeUnitOfWork(pool, OutboxWriter(producer="knowledge"))


def analysis(region_code: str, year: int) -> analyses.RegionalAnalysis:
    return analyses.write(
        None,
        region_code=region_code,
        year=year,
        indicators=(an_indicator(), an_indicator("exports", 8.9, "EUR billion")),
        trends="Recycled yarns.",
        challenges="Skills.",
        by=uuid4(),
        at=NOON,
    )


async def test_analyses_are_read_back_latest_per_region_and_by_history(new_uow: UnitOfWorkFactory) -> None:
    written = [analysis("ES51", 2024), analysis("ES51", 2025), analysis("BG32", 2023)]
    async with new_uow() as uow:
        for one in written:
            await uow.regional_analyses.save(one)
        await uow.commit()
    revised = replace(written[1], revision=2, trends="Revised.")
    async with new_uow() as uow:
        assert await uow.regional_analyses.get("ES51", 2025, for_update=True) == written[1]
        await uow.regional_analyses.save(revised)
        await uow.commit()
    async with new_uow() as uow:
        assert await uow.regional_analyses.latest_per_region() == [written[2], revised]
        assert await uow.regional_analyses.history("ES51") == [revised, written[0]]
        assert await uow.regional_analyses.get("DK04", 2025) is None


async def test_strategy_versions_keep_their_decisions_in_order(new_uow: UnitOfWorkFactory) -> None:
    first = roadmap.draft((), a_strategy(), cluster_id=MODACC, by=uuid4(), at=NOON)
    endorsed = roadmap.approve((first,), 1, cluster_id=BFA, by=uuid4(), at=NOON).version
    commented = roadmap.comment((endorsed,), 1, "Add a date", cluster_id=LDC, by=uuid4(), at=NOON)
    second = roadmap.draft((commented,), a_strategy("Revised"), cluster_id=LDC, by=uuid4(), at=NOON)
    async with new_uow() as uow:
        assert await uow.partnership_strategy.versions(for_update=True) == ()
        await uow.partnership_strategy.save(first)
        await uow.partnership_strategy.save(commented)
        await uow.partnership_strategy.save(second)
        await uow.commit()
    async with new_uow() as uow:
        assert await uow.partnership_strategy.versions() == (commented, second)


async def test_cluster_strategies_and_certifications_are_replaced_by_their_next_revision(
    new_uow: UnitOfWorkFactory,
) -> None:
    reference = roadmap.draft((), a_strategy(), cluster_id=MODACC, by=uuid4(), at=NOON)
    mine = cluster_strategies.update(
        None,
        cluster_id=MODACC,
        summary="Ours",
        actions=(an_action("M1", frozenset({"O1", "O2"}), LDC, BFA),),
        progress=(a_progress(),),
        reference=reference,
        by=uuid4(),
        at=NOON,
    )
    bronze = excellence_labels.award(
        Certification(LDC),
        LabelLevel.BRONZE,
        awarded_on=date(2025, 1, 1),
        valid_until=None,
        by=uuid4(),
        at=NOON,
    )
    planned = excellence_labels.plan_next_level(bronze, (PlannedStep("Benchmark", date(2027, 1, 1)),))
    async with new_uow() as uow:
        assert await uow.certifications.get(LDC, for_update=True) == Certification(LDC)
        assert await uow.cluster_strategies.get(MODACC, for_update=True) is None
        await uow.cluster_strategies.save(mine)
        await uow.certifications.save(bronze)
        await uow.certifications.save(planned)
        await uow.commit()
    async with new_uow() as uow:
        assert await uow.cluster_strategies.get(MODACC) == mine
        assert await uow.cluster_strategies.all() == [mine]
        assert await uow.certifications.get(LDC) == planned
        assert await uow.certifications.all() == [planned]


async def test_uncommitted_roadmap_work_is_not_kept(new_uow: UnitOfWorkFactory) -> None:
    async with new_uow() as uow:
        await uow.regional_analyses.save(analysis("FRL0", 2025))
        await uow.partnership_strategy.save(
            roadmap.draft((), a_strategy(), cluster_id=MODACC, by=uuid4(), at=NOON)
        )
    async with new_uow() as uow:
        assert await uow.regional_analyses.latest_per_region() == []
        assert await uow.partnership_strategy.versions() == ()
