"""Regional analyses: written by the region's cluster or an administrator, one per year, on the map."""

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from cloth_shared.contracts.knowledge_roadmap import RegionalAnalysisPublished
from cloth_shared.errors import InvalidInput, NotAllowed, NotFound
from knowledge.domain import analyses
from knowledge.domain.analyses import Indicator, Source
from knowledge.service_layer.analyses import WriteAnalysis, map_layer, region_history, write_analysis

from .fakes import FakeKnowledgeUnitOfWork
from .roadmap_world import BFA, MODACC, admin, an_indicator, manager_of, member

NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)


def catalonia(year: int = 2025, **changes) -> WriteAnalysis:  # type: ignore[no-untyped-def]
    command = WriteAnalysis(
        "ES51",
        year,
        (an_indicator(), an_indicator("employment", 38_000, "people")),
        "Knitwear moves to recycled yarns.",
        "Finding skilled technicians.",
    )
    return replace(command, **changes)


def test_a_year_written_again_is_its_next_revision() -> None:
    first = analyses.write(
        None, region_code="ES51", year=2025, indicators=(), trends="", challenges="", by=MODACC, at=NOW
    )
    again = analyses.write(
        first, region_code="ES51", year=2025, indicators=(), trends="x", challenges="", by=MODACC, at=NOW
    )
    assert (first.revision, again.revision) == (1, 2)


@pytest.mark.parametrize(
    ("year", "indicators", "code"),
    [
        (2027, (), "invalid-year"),
        (1999, (), "invalid-year"),
        (2025, (an_indicator(), an_indicator()), "duplicate-indicator"),
        (2025, (an_indicator("Employment"),), "invalid-indicator-key"),
        (2025, (replace(an_indicator(), source=Source("x", "javascript:alert(1)")),), "invalid-source-url"),
    ],
)
def test_an_analysis_is_refused_for_a_future_year_repeated_indicators_or_a_source_that_is_no_web_address(
    year: int, indicators: tuple[Indicator, ...], code: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        analyses.write(
            None,
            region_code="ES51",
            year=year,
            indicators=indicators,
            trends="",
            challenges="",
            by=MODACC,
            at=NOW,
        )
    assert refused.value.code == code


async def test_the_regions_cluster_manager_writes_its_analysis_and_it_is_announced() -> None:
    uow = FakeKnowledgeUnitOfWork()
    written = await write_analysis(uow, manager_of(MODACC), catalonia())
    assert uow.database.regional_analyses[("ES51", 2025)] == written
    [published] = uow.events
    assert isinstance(published, RegionalAnalysisPublished)
    assert (published.region_code, published.cluster_id, published.year) == ("ES51", MODACC, 2025)
    assert published.subject_key() == "ES51"


@pytest.mark.parametrize("who", [manager_of(BFA), member()])
async def test_another_clusters_manager_or_a_member_may_not_write_a_regions_analysis(who) -> None:  # type: ignore[no-untyped-def]
    uow = FakeKnowledgeUnitOfWork()
    with pytest.raises(NotAllowed):
        await write_analysis(uow, who, catalonia())
    assert uow.events == [] and uow.database.regional_analyses == {}


async def test_an_administrator_writes_any_region_but_only_a_partner_region() -> None:
    uow = FakeKnowledgeUnitOfWork()
    await write_analysis(uow, admin(), catalonia())
    with pytest.raises(NotFound):
        await write_analysis(uow, admin(), catalonia(region_code="ES30"))


async def test_the_map_shows_each_regions_latest_year_and_the_history_keeps_every_year() -> None:
    uow = FakeKnowledgeUnitOfWork()
    manager = manager_of(MODACC)
    await write_analysis(uow, manager, catalonia(2024))
    await write_analysis(uow, manager, catalonia(2025))
    await write_analysis(uow, manager, catalonia(2023))
    await write_analysis(uow, manager_of(BFA), catalonia(2022, region_code="BG32"))

    assert [(a.region_code, a.year) for a in await map_layer(uow)] == [("BG32", 2022), ("ES51", 2025)]
    assert [a.year for a in await region_history(uow, "ES51")] == [2025, 2024, 2023]
