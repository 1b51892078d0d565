"""Repositories of clusters and organisations on PostgreSQL: domain objects in and out.

SQL is in `queries`; arguments are mapped by column name from its column lists.
"""

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any
from uuid import UUID

import asyncpg

from membership.adapters import queries
from membership.adapters.sql import arguments
from membership.domain.clusters import Cluster
from membership.domain.organisations import Category, Organisation, Status
from membership.domain.profile import Profile


def organisation_from_row(row: Mapping[str, Any]) -> Organisation:
    values: dict[str, Any] = dict(row)
    profile = Profile(**{name: _domain_value(values[name]) for name in queries.PROFILE_COLUMNS})
    others = {
        name: values[name] for name in queries.ORGANISATION_COLUMNS if name not in queries.PROFILE_COLUMNS
    }
    others["category"] = Category(others["category"])
    others["status"] = Status(others["status"])
    return Organisation(**others, profile=profile)


def organisation_columns(organisation: Organisation) -> dict[str, Any]:
    o = organisation
    return {
        "id": o.id,
        "category": o.category.value,
        "cluster_id": o.cluster_id,
        "country": o.country,
        "registration_number": o.registration_number,
        "applied_at": o.applied_at,
        "status": o.status.value,
        "decided_at": o.decided_at,
        "rejection_reason": o.rejection_reason,
        "version": o.version,
        "decided_by": o.decided_by,
        **o.profile.values(),
    }


def _domain_value(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


class PostgresClusterRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def exists(self, cluster_id: UUID) -> bool:
        return bool(await self._connection.fetchval(queries.CLUSTER_EXISTS, cluster_id))

    async def get(self, cluster_id: UUID) -> Cluster | None:
        row = await self._connection.fetchrow(queries.GET_CLUSTER, cluster_id)
        return Cluster(**dict(row)) if row else None

    async def add(self, cluster: Cluster) -> bool:
        values = arguments(asdict(cluster), queries.CLUSTER_COLUMNS)
        return await self._connection.fetchval(queries.INSERT_CLUSTER, *values) is not None

    async def list(self) -> list[Cluster]:
        return [Cluster(**dict(row)) for row in await self._connection.fetch(queries.LIST_CLUSTERS)]


class PostgresOrganisationRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, organisation: Organisation) -> bool:
        values = arguments(organisation_columns(organisation), queries.ORGANISATION_COLUMNS)
        return await self._connection.fetchval(queries.INSERT_ORGANISATION, *values) is not None

    async def get(self, organisation_id: UUID, *, for_update: bool = False) -> Organisation | None:
        query = queries.GET_ORGANISATION_FOR_UPDATE if for_update else queries.GET_ORGANISATION
        row = await self._connection.fetchrow(query, organisation_id)
        return organisation_from_row(row) if row else None

    async def save_status(self, organisation: Organisation) -> None:
        await self._update(queries.UPDATE_ORGANISATION_STATUS, organisation, queries.STATUS_COLUMNS)

    async def save_profile(self, organisation: Organisation) -> None:
        await self._update(queries.UPDATE_ORGANISATION_PROFILE, organisation, queries.PROFILE_UPDATE_COLUMNS)

    async def _update(self, query: str, organisation: Organisation, names: tuple[str, ...]) -> None:
        values = arguments(organisation_columns(organisation), names)
        await self._connection.execute(query, organisation.id, *values)

    async def applications(
        self, cluster_id: UUID, *, status: Status, limit: int, offset: int
    ) -> list[Organisation]:
        rows = await self._connection.fetch(
            queries.LIST_APPLICATIONS, cluster_id, status.value, limit, offset
        )
        return [organisation_from_row(row) for row in rows]
