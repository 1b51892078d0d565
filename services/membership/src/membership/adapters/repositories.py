"""Repositories: domain objects in, domain objects out; the SQL lives in queries.py."""

from typing import Any
from uuid import UUID

import asyncpg

from membership.adapters import queries
from membership.domain.organisations import Category, Organisation, Status


def _organisation(row: asyncpg.Record) -> Organisation:
    values: dict[str, Any] = dict(row)
    values["category"] = Category(values["category"])
    values["status"] = Status(values["status"])
    return Organisation(**values)


class ClusterRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def exists(self, cluster_id: UUID) -> bool:
        return bool(await self._connection.fetchval(queries.CLUSTER_EXISTS, cluster_id))

    async def list(self) -> list[dict[str, Any]]:
        return [dict(row) for row in await self._connection.fetch(queries.LIST_CLUSTERS)]


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
        )
        return inserted is not None

    async def get(self, organisation_id: UUID, *, for_update: bool = False) -> Organisation | None:
        query = queries.GET_ORGANISATION_FOR_UPDATE if for_update else queries.GET_ORGANISATION
        row = await self._connection.fetchrow(query, organisation_id)
        return _organisation(row) if row else None

    async def save_status(self, organisation: Organisation) -> None:
        o = organisation
        await self._connection.execute(
            queries.UPDATE_ORGANISATION_STATUS,
            o.id,
            o.status.value,
            o.decided_at,
            o.rejection_reason,
            o.version,
        )
