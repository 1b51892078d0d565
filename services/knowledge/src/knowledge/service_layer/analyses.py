"""Use cases of regional analyses: a region's cluster writes a year, anyone reads the map layer."""

from dataclasses import dataclass
from datetime import UTC, datetime

from cloth_shared.auth.principal import Principal
from knowledge.domain import analyses, roadmap_access
from knowledge.domain.analyses import Indicator, RegionalAnalysis
from knowledge.domain.partners import partner_for_region
from knowledge.service_layer.ports import KnowledgeUnitOfWork
from knowledge.service_layer.roadmap_events import analysis_published


@dataclass(frozen=True, slots=True)
class WriteAnalysis:
    region_code: str
    year: int
    indicators: tuple[Indicator, ...]
    trends: str
    challenges: str


async def write_analysis(
    uow: KnowledgeUnitOfWork, caller: Principal, command: WriteAnalysis
) -> RegionalAnalysis:
    """The region's cluster managers or an administrator write (or revise) a year's analysis."""
    region = partner_for_region(command.region_code)
    roadmap_access.write_analysis(caller, region)
    async with uow:
        known = await uow.regional_analyses.get(command.region_code, command.year, for_update=True)
        analysis = analyses.write(
            known,
            region_code=command.region_code,
            year=command.year,
            indicators=command.indicators,
            trends=command.trends,
            challenges=command.challenges,
            by=caller.subject,
            at=datetime.now(UTC),
        )
        await uow.regional_analyses.save(analysis)
        uow.emit(analysis_published(analysis, region))
        await uow.commit()
    return analysis


async def map_layer(uow: KnowledgeUnitOfWork) -> list[RegionalAnalysis]:
    """Each partner region's latest analysis (public)."""
    async with uow.reading():
        return await uow.regional_analyses.latest_per_region()


async def region_history(uow: KnowledgeUnitOfWork, region_code: str) -> list[RegionalAnalysis]:
    """A partner region's analyses, newest year first (public)."""
    partner_for_region(region_code)
    async with uow.reading():
        return await uow.regional_analyses.history(region_code)
