"""One use case, one PostgreSQL transaction: state changes and outbox rows commit together.

The asyncpg implementation of `cloth_shared.ports.UnitOfWorkPort`.
"""

from types import TracebackType
from typing import Self
from uuid import UUID

import asyncpg
from asyncpg.pool import PoolConnectionProxy
from asyncpg.transaction import Transaction

from cloth_shared.context import current_causation_id, current_correlation_id
from cloth_shared.contracts.envelope import Event
from cloth_shared.outbox.writer import OutboxWriter

RECORD_PROCESSED = """
INSERT INTO processed_events (consumer, event_id, event_type) VALUES ($1, $2, $3)
ON CONFLICT DO NOTHING RETURNING 1
"""


class UnitOfWork:
    """Rolls back unless `commit()` was called. Services subclass it to add repositories in `_bind`."""

    def __init__(self, pool: asyncpg.Pool, outbox: OutboxWriter) -> None:
        self._pool = pool
        self._outbox = outbox
        self._connection: PoolConnectionProxy | None = None
        self._transaction: Transaction | None = None
        # Each event keeps the flow it was emitted in: a consumer applying a polled batch in one
        # transaction emits for several consumed events before the single commit.
        self._events: list[tuple[Event, str, UUID | None]] = []

    @property
    def connection(self) -> asyncpg.Connection:
        assert self._connection is not None, "use the unit of work in an `async with` block"
        return self._connection  # type: ignore[return-value]

    def _bind(self, connection: asyncpg.Connection) -> None:
        """Create the service's repositories on the transaction's connection."""

    def emit(self, event: Event) -> None:
        """Queue an event; it is written to the outbox on commit, in the same transaction."""
        self._events.append((event, current_correlation_id(), current_causation_id()))

    async def first_delivery(self, consumer: str, event_id: UUID, event_type: str) -> bool:
        """The inbox row, in this transaction: it commits or rolls back with the effect."""
        return await self.connection.fetchval(RECORD_PROCESSED, consumer, event_id, event_type) is not None

    async def __aenter__(self) -> Self:
        self._connection = await self._pool.acquire()
        self._transaction = self._connection.transaction()
        await self._transaction.start()
        self._events = []
        self._bind(self.connection)
        return self

    async def commit(self) -> None:
        assert self._transaction is not None
        for event, correlation_id, causation_id in self._events:
            await self._outbox.add(
                self.connection, event, correlation_id=correlation_id, causation_id=causation_id
            )
        await self._transaction.commit()
        self._transaction = None
        self._events = []

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if self._transaction is not None:
                await self._transaction.rollback()
        finally:
            self._transaction = None
            self._events = []
            if self._connection is not None:
                await self._pool.release(self._connection)
                self._connection = None
