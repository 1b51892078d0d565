"""asyncpg repositories of regional analyses and the cooperation roadmap.

Each aggregate is a row: the columns queries filter or order on, and the aggregate itself as
JSON, read and written by pydantic from the domain's frozen dataclasses (no field list spelled
twice).
"""

from typing import Any, TypeVar
from uuid import UUID

import asyncpg
from pydantic import TypeAdapter

from knowledge.adapters import roadmap_queries as q
from knowledge.domain.analyses import RegionalAnalysis
from knowledge.domain.cluster_strategies import ClusterStrategy
from knowledge.domain.excellence_labels import Certification
from knowledge.domain.roadmap import StrategyVersion

T = TypeVar("T")


class _Documents:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def _lock(self, name: str) -> None:
        await self._connection.execute(q.LOCK, name)

    async def _one(self, adapter: TypeAdapter[T], query: str, *args: Any) -> T | None:
        document = await self._connection.fetchval(query, *args)
        return None if document is None else adapter.validate_python(document)

    async def _many(self, adapter: TypeAdapter[T], query: str, *args: Any) -> list[T]:
        rows = await self._connection.fetch(query, *args)
        return [adapter.validate_python(row["document"]) for row in rows]


_ANALYSIS = TypeAdapter(RegionalAnalysis)
_VERSION = TypeAdapter(StrategyVersion)
_CLUSTER_STRATEGY = TypeAdapter(ClusterStrategy)
_CERTIFICATION = TypeAdapter(Certification)


class PostgresRegionalAnalysisRepository(_Documents):
    async def get(self, region_code: str, year: int, *, for_update: bool = False) -> RegionalAnalysis | None:
        if for_update:
            await self._lock(f"regional-analysis:{region_code}:{year}")
        return await self._one(_ANALYSIS, q.GET_ANALYSIS, region_code, year)

    async def save(self, analysis: RegionalAnalysis) -> None:
        document = _ANALYSIS.dump_python(analysis, mode="json")
        a = analysis
        await self._connection.execute(
            q.SAVE_ANALYSIS, a.region_code, a.year, a.revision, a.written_at, document
        )

    async def latest_per_region(self) -> list[RegionalAnalysis]:
        return await self._many(_ANALYSIS, q.LATEST_ANALYSIS_PER_REGION)

    async def history(self, region_code: str) -> list[RegionalAnalysis]:
        return await self._many(_ANALYSIS, q.ANALYSIS_HISTORY, region_code)


class PostgresPartnershipStrategyRepository(_Documents):
    async def versions(self, *, for_update: bool = False) -> tuple[StrategyVersion, ...]:
        if for_update:
            await self._lock("partnership-strategy")
        return tuple(await self._many(_VERSION, q.STRATEGY_VERSIONS))

    async def save(self, version: StrategyVersion) -> None:
        document = _VERSION.dump_python(version, mode="json")
        await self._connection.execute(q.SAVE_STRATEGY_VERSION, version.number, version.approved_at, document)


class PostgresClusterStrategyRepository(_Documents):
    async def get(self, cluster_id: UUID, *, for_update: bool = False) -> ClusterStrategy | None:
        if for_update:
            await self._lock(f"cluster-strategy:{cluster_id}")
        return await self._one(_CLUSTER_STRATEGY, q.GET_CLUSTER_STRATEGY, cluster_id)

    async def save(self, strategy: ClusterStrategy) -> None:
        document = _CLUSTER_STRATEGY.dump_python(strategy, mode="json")
        await self._connection.execute(
            q.SAVE_CLUSTER_STRATEGY, strategy.cluster_id, strategy.revision, document
        )

    async def all(self) -> list[ClusterStrategy]:
        return await self._many(_CLUSTER_STRATEGY, q.ALL_CLUSTER_STRATEGIES)


class PostgresCertificationRepository(_Documents):
    async def get(self, cluster_id: UUID, *, for_update: bool = False) -> Certification:
        if for_update:
            await self._lock(f"cluster-certification:{cluster_id}")
        found = await self._one(_CERTIFICATION, q.GET_CERTIFICATION, cluster_id)
        return found or Certification(cluster_id)

    async def save(self, certification: Certification) -> None:
        document = _CERTIFICATION.dump_python(certification, mode="json")
        c = certification
        await self._connection.execute(q.SAVE_CERTIFICATION, c.cluster_id, c.revision, document)

    async def all(self) -> list[Certification]:
        return await self._many(_CERTIFICATION, q.ALL_CERTIFICATIONS)
