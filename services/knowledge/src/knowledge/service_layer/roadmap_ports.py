"""What the regional-analysis and roadmap use cases need from storage."""

from typing import Protocol
from uuid import UUID

from knowledge.domain.analyses import RegionalAnalysis
from knowledge.domain.cluster_strategies import ClusterStrategy
from knowledge.domain.excellence_labels import Certification
from knowledge.domain.roadmap import StrategyVersion


class RegionalAnalysisRepository(Protocol):
    async def get(self, region_code: str, year: int, *, for_update: bool = False) -> RegionalAnalysis | None:
        """`for_update` serialises writers of that region and year, even before it exists."""

    async def save(self, analysis: RegionalAnalysis) -> None:
        """Insert or replace the region's analysis of that year."""

    async def latest_per_region(self) -> list[RegionalAnalysis]:
        """Each region's most recent year, by region code."""

    async def history(self, region_code: str) -> list[RegionalAnalysis]:
        """The region's analyses, newest year first."""


class PartnershipStrategyRepository(Protocol):
    async def versions(self, *, for_update: bool = False) -> tuple[StrategyVersion, ...]:
        """Every version, oldest first; `for_update` serialises every writer of the strategy."""

    async def save(self, version: StrategyVersion) -> None:
        """Insert or replace a version by its number."""


class ClusterStrategyRepository(Protocol):
    async def get(self, cluster_id: UUID, *, for_update: bool = False) -> ClusterStrategy | None: ...

    async def save(self, strategy: ClusterStrategy) -> None: ...

    async def all(self) -> list[ClusterStrategy]: ...


class CertificationRepository(Protocol):
    async def get(self, cluster_id: UUID, *, for_update: bool = False) -> Certification:
        """The cluster's labels and plan; an empty certification when it has none."""

    async def save(self, certification: Certification) -> None: ...

    async def all(self) -> list[Certification]: ...
