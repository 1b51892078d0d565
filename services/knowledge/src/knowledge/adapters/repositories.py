"""Knowledge repositories over asyncpg; the SQL lives in queries.py, arguments map by column name."""

from dataclasses import asdict
from uuid import UUID

import asyncpg

from knowledge.adapters import queries
from knowledge.domain.authors import Author


class PostgresAuthorRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def get(self, person_id: UUID, *, for_update: bool = False) -> Author | None:
        query = queries.GET_AUTHOR_FOR_UPDATE if for_update else queries.GET_AUTHOR
        row = await self._connection.fetchrow(query, person_id)
        return None if row is None else Author(**dict(row))

    async def save(self, author: Author) -> None:
        values = asdict(author)
        await self._connection.execute(queries.SAVE_AUTHOR, *(values[c] for c in queries.AUTHOR_COLUMNS))
