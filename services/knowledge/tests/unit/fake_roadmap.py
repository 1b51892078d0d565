"""Fake repositories of regional analyses and the cooperation roadmap, over plain dicts."""

from uuid import UUID

from knowledge.domain.analyses import RegionalAnalysis
from knowledge.domain.cluster_strategies import ClusterStrategy
from knowledge.domain.excellence_labels import Certification
from knowledge.domain.roadmap import StrategyVersion


class FakeRegionalAnalysisRepository:
    def __init__(self, analyses: dict[tuple[str, int], RegionalAnalysis]) -> None:
        self._analyses = analyses

    async def get(self, region_code: str, year: int, *, for_update: bool = False) -> RegionalAnalysis | None:
        return self._analyses.get((region_code, year))

    async def save(self, analysis: RegionalAnalysis) -> None:
        self._analyses[(analysis.region_code, analysis.year)] = analysis

    async def latest_per_region(self) -> list[RegionalAnalysis]:
        latest: dict[str, RegionalAnalysis] = {}
        for (region, _year), analysis in sorted(self._analyses.items()):
            latest[region] = analysis
        return [latest[region] for region in sorted(latest)]

    async def history(self, region_code: str) -> list[RegionalAnalysis]:
        mine = [a for (region, _), a in self._analyses.items() if region == region_code]
        return sorted(mine, key=lambda a: a.year, reverse=True)


class FakePartnershipStrategyRepository:
    def __init__(self, versions: dict[int, StrategyVersion]) -> None:
        self._versions = versions

    async def versions(self, *, for_update: bool = False) -> tuple[StrategyVersion, ...]:
        return tuple(self._versions[number] for number in sorted(self._versions))

    async def save(self, version: StrategyVersion) -> None:
        self._versions[version.number] = version


class FakeClusterStrategyRepository:
    def __init__(self, strategies: dict[UUID, ClusterStrategy]) -> None:
        self._strategies = strategies

    async def get(self, cluster_id: UUID, *, for_update: bool = False) -> ClusterStrategy | None:
        return self._strategies.get(cluster_id)

    async def save(self, strategy: ClusterStrategy) -> None:
        self._strategies[strategy.cluster_id] = strategy

    async def all(self) -> list[ClusterStrategy]:
        return [self._strategies[key] for key in sorted(self._strategies, key=str)]


class FakeCertificationRepository:
    def __init__(self, certifications: dict[UUID, Certification]) -> None:
        self._certifications = certifications

    async def get(self, cluster_id: UUID, *, for_update: bool = False) -> Certification:
        return self._certifications.get(cluster_id) or Certification(cluster_id)

    async def save(self, certification: Certification) -> None:
        self._certifications[certification.cluster_id] = certification

    async def all(self) -> list[Certification]:
        return [self._certifications[key] for key in sorted(self._certifications, key=str)]
