"""Sign-in sessions and their refresh tokens (hashed) on PostgreSQL."""

from dataclasses import asdict
from datetime import datetime
from uuid import UUID

import asyncpg

from membership.adapters import people_queries as queries
from membership.adapters.sql import arguments
from membership.domain.sessions import Session


class PostgresSessionRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, session: Session) -> None:
        await self._connection.execute(
            queries.INSERT_SESSION, *arguments(asdict(session), queries.SESSION_COLUMNS)
        )
        await self._connection.execute(queries.INSERT_REFRESH_HASH, session.refresh_token_hash, session.id)

    async def get(self, session_id: UUID) -> Session | None:
        row = await self._connection.fetchrow(queries.GET_SESSION, session_id)
        return Session(**dict(row)) if row else None

    async def by_refresh_token(self, token_hash: str) -> Session | None:
        row = await self._connection.fetchrow(queries.GET_SESSION_BY_REFRESH_TOKEN_FOR_UPDATE, token_hash)
        return Session(**dict(row)) if row else None

    async def save(self, session: Session) -> None:
        await self._connection.execute(
            queries.UPDATE_SESSION, session.id, session.refresh_token_hash, session.revoked_at
        )
        await self._connection.execute(queries.INSERT_REFRESH_HASH, session.refresh_token_hash, session.id)

    async def revoke_all(self, person_id: UUID, *, at: datetime) -> None:
        await self._connection.execute(queries.REVOKE_SESSIONS_OF, person_id, at)

    async def purge(self, *, ended_before: datetime) -> None:
        await self._connection.execute(queries.PURGE_SESSIONS, ended_before)
