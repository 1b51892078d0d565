"""Use cases of the public directory, the industry map and the platform figures (read only)."""

import io
from typing import Any

# The csv module with cells beginning with = + - @ neutralised (spreadsheet formula injection).
from defusedcsv import csv

from membership.domain import industry_map
from membership.domain.organisations import Organisation
from membership.service_layer.repositories import Directory, DirectoryFilter

# The whole map in one answer is bounded; the alliance is hundreds of organisations, not millions.
MAP_CAP = 5000


async def search(
    directory: Directory, where: DirectoryFilter, *, limit: int, offset: int
) -> tuple[list[Organisation], int]:
    """Active organisations matching the filter, sorted by name then id (stable across pages)."""
    return await directory.page(where, limit=limit, offset=offset)


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
    by = await directory.counts()
    active = sum(by["category"].values())
    target = industry_map.TARGET_ACTIVE_PARTICIPANTS
    return {
        "active_participants": active,
        "target": target,
        "progress": round(active / target, 3),
        "by_category": by["category"],
        "by_country": by["country"],
    }
