"""Knowledge repositories over asyncpg; the SQL lives in queries.py, arguments map by column name."""

from dataclasses import asdict
from uuid import UUID

import asyncpg

from knowledge.adapters import queries
from knowledge.domain.people import Contributor


class PostgresContributorRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def get(self, person_id: UUID) -> Contributor | None:
        row = await self._connection.fetchrow(queries.GET_CONTRIBUTOR, person_id)
        return None if row is None else Contributor(**dict(row))

    async def remember(self, contributor: Contributor) -> None:
        values = asdict(contributor)
        await self._connection.execute(
            queries.UPSERT_CONTRIBUTOR, *(values[column] for column in queries.CONTRIBUTOR_COLUMNS)
        )

    async def forget(self, person_id: UUID) -> None:
        await self._connection.execute(queries.FORGET_CONTRIBUTOR, person_id)
