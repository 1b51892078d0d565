"""The `token_validity` table, its asyncpg adapter, and the start-up hook of a service."""

from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

import asyncpg

from cloth_shared.auth.revocation import TokenRevocation

if TYPE_CHECKING:
    from cloth_shared.service import Infrastructure

CREATE_VALIDITY_TABLE = """
CREATE TABLE token_validity (
    subject    uuid PRIMARY KEY,
    valid_from timestamptz NOT NULL
);
"""

DROP_VALIDITY_TABLE = "DROP TABLE IF EXISTS token_validity;"

# Only ever moves forward: a replayed older event cannot make older tokens valid again.
REFUSE_BEFORE = """
INSERT INTO token_validity (subject, valid_from) VALUES ($1, $2)
ON CONFLICT (subject) DO UPDATE SET valid_from = greatest(token_validity.valid_from, excluded.valid_from)
"""

VALID_FROM = "SELECT valid_from FROM token_validity WHERE subject = $1"


def create_token_validity_table() -> None:
    """Alembic `upgrade` step of a service that checks tokens."""
    from alembic import op

    op.execute(CREATE_VALIDITY_TABLE)


def drop_token_validity_table() -> None:
    from alembic import op

    op.execute(DROP_VALIDITY_TABLE)


class PostgresTokenValidity:
    """On a transaction's connection (the inbox) or on the pool (the per-request check)."""

    def __init__(self, connection: asyncpg.Connection | asyncpg.Pool) -> None:
        self._connection = connection

    async def refuse_before(self, subject: UUID, at: datetime) -> None:
        await self._connection.execute(REFUSE_BEFORE, subject, at)

    async def valid_from(self, subject: UUID) -> datetime | None:
        found: datetime | None = await self._connection.fetchval(VALID_FROM, subject)
        return found


def provide_revocation(infra: "Infrastructure") -> None:
    """From a service's `on_start`: its `Caller` then refuses revoked tokens."""
    infra.provide(TokenRevocation(PostgresTokenValidity(infra.pool)))
