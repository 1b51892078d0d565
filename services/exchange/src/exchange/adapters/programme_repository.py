"""Programmes, their quota counters and the figures kept per change, over asyncpg."""

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any
from uuid import UUID

import asyncpg

from exchange.adapters import queries
from exchange.adapters.sql import arguments
from exchange.domain.figures import (
    CategoryCount,
    Change,
    ClusterCount,
    Contribution,
    FlowCount,
    ProgrammeCounts,
)
from exchange.domain.programme import Programme, Quota, Window
from exchange.domain.vocabulary import Category, QuotaSide


def programme_from(row: Mapping[str, Any]) -> Programme:
    return Programme(
        id=row["id"],
        name=row["name"],
        application_window=Window(row["application_first"], row["application_last"]),
        activity_window=Window(row["activity_first"], row["activity_last"]),
        quotas=tuple(Quota(Category(q["category"]), QuotaSide(q["side"]), q["slots"]) for q in row["quotas"]),
        lump_sum_caps={country: Decimal(cap) for country, cap in row["lump_sum_caps"].items()},
        created_at=row["created_at"],
        created_by=row["created_by"],
        closed_at=row["closed_at"],
        closed_by=row["closed_by"],
    )


def programme_columns(programme: Programme) -> dict[str, Any]:
    p = programme
    return {
        "id": p.id,
        "name": p.name,
        "application_first": p.application_window.first,
        "application_last": p.application_window.last,
        "activity_first": p.activity_window.first,
        "activity_last": p.activity_window.last,
        "lump_sum_caps": {country: str(cap) for country, cap in p.lump_sum_caps.items()},
        "created_at": p.created_at,
        "created_by": p.created_by,
        "closed_at": p.closed_at,
        "closed_by": p.closed_by,
    }


class PostgresProgrammeRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, programme: Programme) -> None:
        values = arguments(programme_columns(programme), queries.PROGRAMME_COLUMNS)
        await self._connection.execute(queries.INSERT_PROGRAMME, *values)
        quotas = [
            {"programme_id": programme.id, "category": q.category.value, "side": q.side.value}
            | {"slots": q.slots, "position": position}
            for position, q in enumerate(programme.quotas)
        ]
        await self._connection.executemany(
            queries.INSERT_QUOTA, [arguments(quota, queries.QUOTA_COLUMNS) for quota in quotas]
        )

    async def get(self, programme_id: UUID) -> Programme | None:
        row = await self._connection.fetchrow(queries.GET_PROGRAMME, programme_id)
        return None if row is None else programme_from(row)

    async def save(self, programme: Programme) -> None:
        await self._connection.execute(
            queries.CLOSE_PROGRAMME, programme.id, programme.closed_at, programme.closed_by
        )

    async def list(self) -> Sequence[Programme]:
        return [programme_from(row) for row in await self._connection.fetch(queries.LIST_PROGRAMMES)]


class PostgresQuotaCounter:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def taken(self, programme_id: UUID, category: Category) -> int:
        taken = await self._connection.fetchval(queries.SLOTS_TAKEN, programme_id, category.value)
        return int(taken or 0)

    async def take(self, programme_id: UUID, category: Category) -> bool:
        return await self._connection.fetchval(queries.TAKE_SLOT, programme_id, category.value) is not None

    async def free(self, programme_id: UUID, category: Category) -> None:
        await self._connection.execute(queries.FREE_SLOT, programme_id, category.value)


class PostgresFigureRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def record(self, contribution: Contribution, change: Change) -> None:
        c = contribution
        if change.completed:
            await self._connection.execute(
                queries.ADD_COMPLETED, c.programme_id, c.category.value, change.completed
            )
        await self._connection.execute(
            queries.ADD_TO_CLUSTER, c.programme_id, c.cluster_id, change.approved, change.completed
        )
        await self._connection.execute(
            queries.ADD_TO_FLOW,
            c.programme_id,
            c.from_country,
            c.to_country,
            change.approved,
            change.completed,
        )

    async def counts(self, programme_id: UUID) -> ProgrammeCounts:
        categories = await self._connection.fetch(queries.CATEGORY_COUNTS, programme_id)
        clusters = await self._connection.fetch(queries.CLUSTER_COUNTS, programme_id)
        flows = await self._connection.fetch(queries.FLOW_COUNTS, programme_id)
        return ProgrammeCounts(
            categories=tuple(
                CategoryCount(Category(r["category"]), r["slots"], r["approved"], r["completed"])
                for r in categories
            ),
            clusters=tuple(ClusterCount(**dict(r)) for r in clusters),
            flows=tuple(FlowCount(**dict(r)) for r in flows),
        )
