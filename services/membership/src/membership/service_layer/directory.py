"""Use cases of the public directory, the industry map and the platform figures (read only)."""

import io
from typing import Any

# The csv module with cells beginning with = + - @ neutralised (spreadsheet formula injection).
from defusedcsv import csv

from membership.domain import industry_map
from membership.service_layer.repositories import (
    Directory,
    DirectoryFilter,
    DirectoryPage,
    DirectoryPosition,
)

# The whole map in one answer is bounded; the alliance is hundreds of organisations, not millions.
MAP_CAP = 5000


async def search(
    directory: Directory,
    where: DirectoryFilter,
    *,
    limit: int,
    offset: int = 0,
    after: DirectoryPosition | None = None,
) -> DirectoryPage:
    """Active organisations matching the filter, sorted by name then id (stable across pages):
    after the previous page's position (keyset: as fast on page 200 as on page 1), or from an
    offset (kept for older clients: every skipped row is read)."""
    return await directory.page(where, limit=limit, offset=offset, after=after)


async def geojson(directory: Directory, where: DirectoryFilter) -> dict[str, Any]:
    return industry_map.feature_collection(await directory.all(where, cap=MAP_CAP))


async def csv_export(directory: Directory, where: DirectoryFilter) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(industry_map.CSV_COLUMNS)
    writer.writerows(industry_map.csv_row(o) for o in await directory.all(where, cap=MAP_CAP))
    return buffer.getvalue()


async def counts(directory: Directory) -> dict[str, dict[str, int]]:
    return await directory.counts()


async def figures(directory: Directory) -> dict[str, Any]:
    """Active participants against the alliance's target, by category and by country."""
    return industry_map.figures(await directory.counts())
