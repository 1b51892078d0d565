"""One use case, one PostgreSQL transaction: state changes and outbox rows commit together.

The asyncpg implementation of `cloth_shared.ports.UnitOfWorkPort`. Reads that change nothing
use `async with uow.reading():` instead: the same repositories on a pooled connection without
BEGIN/ROLLBACK (two round trips fewer per read; under READ COMMITTED each statement of a
transaction sees its own snapshot anyway, so a read loses nothing by it).
"""

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from types import TracebackType
from typing import Any, Self, cast
from uuid import UUID

import asyncpg
from asyncpg.pool import PoolConnectionProxy
from asyncpg.transaction import Transaction

from cloth_shared.context import current_causation_id, current_correlation_id
from cloth_shared.contracts.envelope import Event
from cloth_shared.outbox.writer import OutboxWriter

# A polled batch's inbox rows in one statement; the ids returned are those seen for the first time.
RECORD_PROCESSED = """
INSERT INTO processed_events (consumer, event_id, event_type)
SELECT $1, batch.event_id, batch.event_type
FROM unnest($2::uuid[], $3::text[]) AS batch (event_id, event_type)
ON CONFLICT DO NOTHING
RETURNING event_id
"""


class WriteWhileReading(RuntimeError):
    """A statement that writes or locks ran in `reading()`: it would commit on its own."""


_READ_STATEMENTS = ("SELECT", "WITH", "VALUES", "TABLE", "SHOW")
_LOCKS = ("FOR UPDATE", "FOR NO KEY UPDATE", "FOR SHARE", "FOR KEY SHARE")
_checked: dict[str, bool] = {}  # statements are constants: each is checked once per process


def _is_read(query: str) -> bool:
    known = _checked.get(query)
    if known is None:
        words = query.split(None, 1)
        text = " ".join(query.upper().split())
        known = (
            bool(words) and words[0].upper() in _READ_STATEMENTS and not any(lock in text for lock in _LOCKS)
        )
        known = known and not any(f" {w} " in f" {text} " for w in ("INSERT", "UPDATE", "DELETE", "MERGE"))
        if len(_checked) < 10_000:
            _checked[query] = known
    return known


class ReadOnlyConnection:
    """A pooled connection that refuses statements which write or lock (outside a transaction
    they would commit at once, or lock nothing); everything else is the connection's."""

    __slots__ = ("_connection",)

    def __init__(self, connection: Any) -> None:
        self._connection = connection

    def _check(self, query: str) -> None:
        if not _is_read(query):
            raise WriteWhileReading(f"not a plain read; use `async with uow:` for: {query.strip()[:80]}")

    async def fetch(self, query: str, *args: Any, **kw: Any) -> list[asyncpg.Record]:
        self._check(query)
        return await self._connection.fetch(query, *args, **kw)  # type: ignore[no-any-return]

    async def fetchrow(self, query: str, *args: Any, **kw: Any) -> asyncpg.Record | None:
        self._check(query)
        return await self._connection.fetchrow(query, *args, **kw)  # type: ignore[no-any-return]

    async def fetchval(self, query: str, *args: Any, **kw: Any) -> Any:
        self._check(query)
        return await self._connection.fetchval(query, *args, **kw)

    async def execute(self, query: str, *args: Any, **kw: Any) -> str:
        self._check(query)
        return await self._connection.execute(query, *args, **kw)  # type: ignore[no-any-return]

    async def executemany(self, query: str, *args: Any, **kw: Any) -> None:
        self._check(query)
        await self._connection.executemany(query, *args, **kw)

    def __getattr__(self, name: str) -> Any:
        if name in ("transaction", "copy_records_to_table", "copy_to_table", "cursor", "prepare"):
            raise WriteWhileReading(f"`{name}` is not offered while reading")
        return getattr(self._connection, name)


class UnitOfWork:
    """Rolls back unless `commit()` was called. Services subclass it to add repositories in `_bind`."""

    def __init__(self, pool: asyncpg.Pool, outbox: OutboxWriter) -> None:
        self._pool = pool
        self._outbox = outbox
        self._connection: PoolConnectionProxy | None = None
        self._transaction: Transaction | None = None
        self._reading = False
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
        if self._reading:
            raise WriteWhileReading("events are emitted in `async with uow:`, not while reading")
        self._events.append((event, current_correlation_id(), current_causation_id()))

    async def first_deliveries(self, consumer: str, deliveries: Sequence[tuple[UUID, str]]) -> set[UUID]:
        """The inbox rows of (event id, event type) pairs, in this transaction and in one
        statement: they commit or roll back with the effects. The ids not seen before."""
        if self._reading:
            raise WriteWhileReading("deliveries are recorded in `async with uow:`, not while reading")
        if not deliveries:
            return set()
        event_ids = [event_id for event_id, _ in deliveries]
        event_types = [event_type for _, event_type in deliveries]
        rows = await self.connection.fetch(RECORD_PROCESSED, consumer, event_ids, event_types)
        return {row["event_id"] for row in rows}

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[Self]:
        """The repositories for reads only, on a pooled connection without a transaction.

        Statements that write or lock are refused (`WriteWhileReading`): outside a transaction
        they would commit on their own. Inside an open `async with uow:` this reads in that
        transaction.
        """
        if self._connection is not None:
            yield self
            return
        connection = await self._pool.acquire()
        self._connection, self._reading = connection, True
        try:
            self._bind(cast(asyncpg.Connection, ReadOnlyConnection(connection)))
            yield self
        finally:
            self._connection, self._reading = None, False
            await self._pool.release(connection)

    async def __aenter__(self) -> Self:
        self._connection = await self._pool.acquire()
        self._transaction = self._connection.transaction()
        await self._transaction.start()
        self._events = []
        self._bind(self.connection)
        return self

    async def commit(self) -> None:
        if self._transaction is None:
            raise WriteWhileReading("commit inside `async with uow:` (reads have nothing to commit)")
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
