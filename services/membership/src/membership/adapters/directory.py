"""Read side of the directory and the industry map: queries on the pool, no transaction."""

import asyncpg

from membership.adapters import queries
from membership.adapters.repositories import organisation_from_row
from membership.adapters.sql import arguments
from membership.domain.organisations import Organisation
from membership.service_layer.repositories import DirectoryFilter

DIMENSIONS = ("country", "region", "category", "value_chain", "cluster")


def _parameters(where: DirectoryFilter) -> list[object]:
    values = {
        "country": where.country,
        "region": where.region,
        "category": where.category,
        "value_chain": where.value_chain,
        "cluster_id": where.cluster_id,
        "text": _pattern(where.text),
    }
    return arguments(values, queries.DIRECTORY_FILTER_PARAMETERS)


def _pattern(text: str | None) -> str | None:
    """An ILIKE pattern matching the text literally: the caller's % and _ are not wildcards."""
    if not text:
        return None
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class PostgresDirectory:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def page(
        self, where: DirectoryFilter, *, limit: int, offset: int
    ) -> tuple[list[Organisation], int]:
        rows = await self._pool.fetch(queries.DIRECTORY_PAGE, *_parameters(where), limit, offset)
        total = rows[0]["total"] if rows else 0
        if not rows and offset:  # past the end: the window count is not there to read
            total = await self._pool.fetchval(queries.DIRECTORY_COUNT, *_parameters(where))
        return [organisation_from_row(row) for row in rows], int(total)

    async def all(self, where: DirectoryFilter, *, cap: int) -> list[Organisation]:
        rows = await self._pool.fetch(queries.DIRECTORY_ALL, *_parameters(where), cap)
        return [organisation_from_row(row) for row in rows]

    async def counts(self) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {dimension: {} for dimension in DIMENSIONS}
        for row in await self._pool.fetch(queries.COUNTS_BY_DIMENSION):
            counts[row["dimension"]][row["key"]] = int(row["n"])
        return counts
