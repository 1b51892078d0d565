"""Verified e-mail addresses over asyncpg; the SQL lives in email_queries.py."""

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

import asyncpg

from notifications.adapters import email_queries as q


class PostgresVerifiedAddressRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def remember(self, person_id: UUID, email: str, *, at: datetime) -> None:
        await self._connection.execute(q.LOCK_VERIFICATION, person_id)  # see REFUSE_UNVERIFIED
        await self._connection.execute(q.REMEMBER_VERIFIED, person_id, email, at)

    async def forget(self, person_id: UUID) -> None:
        await self._connection.execute(q.FORGET_VERIFIED, person_id)

    async def verified(self, candidates: Sequence[tuple[UUID, str]]) -> set[tuple[UUID, str]]:
        if not candidates:
            return set()
        people, emails = [p for p, _ in candidates], [e for _, e in candidates]
        rows = await self._connection.fetch(q.VERIFIED_AMONG, people, emails)
        return {(row["person_id"], row["email"]) for row in rows}
