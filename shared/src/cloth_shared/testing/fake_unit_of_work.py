"""An in-memory unit of work that keeps the real one's promise, for use-case unit tests.

A service's fake subclasses `FakeUnitOfWork[ItsDatabase]` and creates its fake repositories in
`_bind(work)`. Its database is any object with `copy()` whose copy shares no mutable state
with the original (frozen domain objects in fresh dicts do).
"""

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from types import TracebackType
from typing import Generic, Protocol, Self, TypeVar
from uuid import UUID

from cloth_shared.contracts.envelope import Event


class CopyableDatabase(Protocol):
    def copy(self) -> Self: ...


DatabaseT = TypeVar("DatabaseT", bound=CopyableDatabase)


class FakeUnitOfWork(Generic[DatabaseT]):
    """Works on a copy of `database`, swapped in on commit; events reach `events` only on commit.

    `committed` tells whether the last `async with` block committed; `events` is the outbox,
    every event committed since the fake was made; `processed` the inbox's event ids.
    `reading()` works on a copy that is dropped: like the real one, a read keeps nothing, and
    emitting, recording deliveries or committing in it is refused.
    """

    def __init__(self, database: DatabaseT) -> None:
        self.database = database
        self.events: list[Event] = []
        self.processed: set[tuple[str, UUID]] = set()
        self.committed = False
        self._work: DatabaseT | None = None
        self._reading = False
        self._pending: list[Event] = []
        self._pending_processed: set[tuple[str, UUID]] = set()

    def _bind(self, work: DatabaseT) -> None:
        """Create the service's fake repositories on the working copy."""

    def emit(self, event: Event) -> None:
        assert self._work is not None, "emit inside an `async with` block"
        assert not self._reading, "events are emitted in `async with uow:`, not while reading"
        self._pending.append(event)

    async def first_deliveries(self, consumer: str, deliveries: Sequence[tuple[UUID, str]]) -> set[UUID]:
        assert self._work is not None, "record deliveries inside an `async with` block"
        assert not self._reading, "deliveries are recorded in `async with uow:`, not while reading"
        first: set[UUID] = set()
        for event_id, _ in deliveries:
            key = (consumer, event_id)
            if key in self.processed or key in self._pending_processed:
                continue
            self._pending_processed.add(key)
            first.add(event_id)
        return first

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[Self]:
        if self._work is not None:  # inside an open unit of work: read in it
            yield self
            return
        self._work, self._reading = self.database.copy(), True
        self._bind(self._work)
        try:
            yield self
        finally:
            self._work, self._reading = None, False

    async def __aenter__(self) -> Self:
        assert self._work is None, "a unit of work is not re-entrant"
        self._work = self.database.copy()
        self._pending, self._pending_processed = [], set()
        self.committed = False
        self._bind(self._work)
        return self

    async def commit(self) -> None:
        assert self._work is not None, "commit inside an `async with` block"
        assert not self._reading, "reads have nothing to commit"
        self.database = self._work
        self.events.extend(self._pending)
        self.processed |= self._pending_processed
        self.committed = True
        self._work, self._pending, self._pending_processed = None, [], set()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._work, self._pending, self._pending_processed = None, [], set()  # not committed: dropped
