"""Read side of the directory and the industry map: queries on the pool, no transaction."""

from dataclasses import dataclass
from uuid import UUID

import asyncpg

from membership.adapters import queries
from membership.adapters.repositories import organisation_from_row
from membership.domain.organisations import Organisation


@dataclass(frozen=True, slots=True)
class DirectoryFilter:
    country: str | None = None
    region: str | None = None
    category: str | None = None
    value_chain: str | None = None
    cluster_id: UUID | None = None
    text: str | None = None

    def parameters(self) -> tuple[object, ...]:
        return (
            self.country,
            self.region,
            self.category,
            self.value_chain,
            self.cluster_id,
            _pattern(self.text),
        )


def _pattern(text: str | None) -> str | None:
    """An ILIKE pattern matching the text literally: the caller's % and _ are not wildcards."""
    if not text:
        return None
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Directory:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def page(
        self, where: DirectoryFilter, *, limit: int, offset: int
    ) -> tuple[list[Organisation], int]:
        rows = await self._pool.fetch(queries.DIRECTORY_PAGE, *where.parameters(), limit, offset)
        total = rows[0]["total"] if rows else 0
        if not rows and offset:  # past the end: the window count is not there to read
            total = await self._pool.fetchval(queries.DIRECTORY_COUNT, *where.parameters())
        return [organisation_from_row(row) for row in rows], int(total)

    async def all(self, where: DirectoryFilter, *, cap: int) -> list[Organisation]:
        rows = await self._pool.fetch(queries.DIRECTORY_ALL, *where.parameters(), cap)
        return [organisation_from_row(row) for row in rows]

    async def counts(self) -> dict[str, dict[str, int]]:
        """Active organisations counted by country, region, category, value chain and cluster."""
        counts: dict[str, dict[str, int]] = {
            "country": {},
            "region": {},
            "category": {},
            "value_chain": {},
            "cluster": {},
        }
        for row in await self._pool.fetch(queries.COUNTS_BY_DIMENSION):
            counts[row["dimension"]][row["key"]] = int(row["n"])
        return counts
