"""Repositories of clusters and organisations: domain objects in and out; SQL in queries.py."""

from typing import Any
from uuid import UUID

import asyncpg

from membership.adapters import queries
from membership.domain.clusters import Cluster
from membership.domain.organisations import Category, Organisation, Status

_ARRAYS = ("value_chains", "activities", "certifications", "languages")


def organisation_from_row(row: asyncpg.Record) -> Organisation:
    values: dict[str, Any] = dict(row)
    values.pop("total", None)
    values["category"] = Category(values["category"])
    values["status"] = Status(values["status"])
    for name in _ARRAYS:
        values[name] = tuple(values[name] or ())
    return Organisation(**values)


class ClusterRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def exists(self, cluster_id: UUID) -> bool:
        return bool(await self._connection.fetchval(queries.CLUSTER_EXISTS, cluster_id))

    async def list(self) -> list[Cluster]:
        return [Cluster(**dict(row)) for row in await self._connection.fetch(queries.LIST_CLUSTERS)]

    async def get(self, cluster_id: UUID) -> Cluster | None:
        row = await self._connection.fetchrow(queries.GET_CLUSTER, cluster_id)
        return Cluster(**dict(row)) if row else None

    async def add(self, cluster: Cluster) -> bool:
        """Insert; False when the name or short name is taken."""
        c = cluster
        inserted = await self._connection.fetchval(
            queries.INSERT_CLUSTER,
            c.id,
            c.name,
            c.short_name,
            c.country,
            c.home_region,
            c.city,
            c.latitude,
            c.longitude,
        )
        return inserted is not None


class OrganisationRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, organisation: Organisation) -> bool:
        """Insert; False when the registration number is already taken."""
        o = organisation
        inserted = await self._connection.fetchval(
            queries.INSERT_ORGANISATION,
            o.id,
            o.legal_name,
            o.category.value,
            o.cluster_id,
            o.country,
            o.region,
            o.city,
            o.latitude,
            o.longitude,
            o.registration_number,
            o.status.value,
            o.applied_at,
            o.version,
            list(o.value_chains),
            o.size_band,
            list(o.activities),
            list(o.certifications),
            list(o.languages),
            o.website,
            o.description,
        )
        return inserted is not None

    async def get(self, organisation_id: UUID, *, for_update: bool = False) -> Organisation | None:
        query = queries.GET_ORGANISATION_FOR_UPDATE if for_update else queries.GET_ORGANISATION
        row = await self._connection.fetchrow(query, organisation_id)
        return organisation_from_row(row) if row else None

    async def save_status(self, organisation: Organisation) -> None:
        o = organisation
        await self._connection.execute(
            queries.UPDATE_ORGANISATION_STATUS,
            o.id,
            o.status.value,
            o.decided_at,
            o.rejection_reason,
            o.version,
            o.decided_by,
        )

    async def save_profile(self, organisation: Organisation) -> None:
        o = organisation
        await self._connection.execute(
            queries.UPDATE_ORGANISATION_PROFILE,
            o.id,
            o.legal_name,
            o.region,
            o.city,
            o.latitude,
            o.longitude,
            list(o.value_chains),
            o.size_band,
            list(o.activities),
            list(o.certifications),
            list(o.languages),
            o.website,
            o.description,
            o.version,
        )

    async def applications(
        self, cluster_id: UUID, *, status: Status, limit: int, offset: int
    ) -> list[Organisation]:
        rows = await self._connection.fetch(
            queries.LIST_APPLICATIONS, cluster_id, status.value, limit, offset
        )
        return [organisation_from_row(row) for row in rows]
