"""Read side of the directory and the industry map: queries on the pool, no transaction.

Pages are read by keyset (after the previous page's last name and id) over an index, plus one row
to know whether there is a next page; totals and the map's counts come from `directory_counts`,
which a trigger keeps in the organisation's own transaction (migration 0005).
"""

import asyncpg

from membership.adapters import queries
from membership.adapters.repositories import organisation_from_row
from membership.adapters.sql import arguments
from membership.domain.organisations import Organisation
from membership.service_layer.repositories import (
    DirectoryEntryValues,
    DirectoryFilter,
    DirectoryPage,
    DirectoryPosition,
)

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


def counted_key(where: DirectoryFilter) -> tuple[str, str] | None:
    """The directory_counts row holding this filter's total: no filter or exactly one dimension."""
    if where.text:
        return None
    given = [
        (dimension, str(value))
        for dimension, value in (
            ("country", where.country),
            ("region", where.region),
            ("category", where.category),
            ("value_chain", where.value_chain),
            ("cluster", where.cluster_id),
        )
        if value is not None
    ]
    if not given:
        return ("all", "active")
    return given[0] if len(given) == 1 else None


class PostgresDirectory:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def page(
        self,
        where: DirectoryFilter,
        *,
        limit: int,
        offset: int = 0,
        after: DirectoryPosition | None = None,
    ) -> DirectoryPage:
        parameters = _parameters(where)
        key = counted_key(where)
        async with self._pool.acquire() as connection:
            if after is None:
                rows = await connection.fetch(queries.DIRECTORY_PAGE, *parameters, limit + 1, offset)
            else:
                rows = await connection.fetch(
                    queries.DIRECTORY_PAGE_AFTER, *parameters, limit + 1, after.legal_name, after.id
                )
            if key is not None:
                total = await connection.fetchval(queries.DIRECTORY_TOTAL, *key)
            else:
                total = await connection.fetchval(queries.DIRECTORY_COUNT, *parameters)
        items: list[DirectoryEntryValues] = [dict(row) for row in rows[:limit]]
        last = items[-1] if len(rows) > limit else None
        following = DirectoryPosition(last["legal_name"], last["id"]) if last else None
        return DirectoryPage(items, int(total), following)

    async def all(self, where: DirectoryFilter, *, cap: int) -> list[Organisation]:
        rows = await self._pool.fetch(queries.DIRECTORY_ALL, *_parameters(where), cap)
        return [organisation_from_row(row) for row in rows]

    async def counts(self) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {dimension: {} for dimension in DIMENSIONS}
        for row in await self._pool.fetch(queries.COUNTS_BY_DIMENSION):
            counts[row["dimension"]][row["key"]] = int(row["n"])
        return counts
