"""An in-memory unit of work that keeps the real one's promise, for use-case unit tests.

A service's fake subclasses `FakeUnitOfWork[ItsDatabase]` and creates its fake repositories in
`_bind(work)`. Its database is any object with `copy()` whose copy shares no mutable state
with the original (frozen domain objects in fresh dicts do).
"""

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
    """

    def __init__(self, database: DatabaseT) -> None:
        self.database = database
        self.events: list[Event] = []
        self.processed: set[tuple[str, UUID]] = set()
        self.committed = False
        self._work: DatabaseT | None = None
        self._pending: list[Event] = []
        self._pending_processed: set[tuple[str, UUID]] = set()

    def _bind(self, work: DatabaseT) -> None:
        """Create the service's fake repositories on the working copy."""

    def emit(self, event: Event) -> None:
        assert self._work is not None, "emit inside an `async with` block"
        self._pending.append(event)

    async def first_delivery(self, consumer: str, event_id: UUID, event_type: str) -> bool:
        assert self._work is not None, "record deliveries inside an `async with` block"
        key = (consumer, event_id)
        if key in self.processed or key in self._pending_processed:
            return False
        self._pending_processed.add(key)
        return True

    async def __aenter__(self) -> Self:
        assert self._work is None, "a unit of work is not re-entrant"
        self._work = self.database.copy()
        self._pending, self._pending_processed = [], set()
        self.committed = False
        self._bind(self._work)
        return self

    async def commit(self) -> None:
        assert self._work is not None, "commit inside an `async with` block"
        self.database = self._work
        self.events.extend(self._pending)
        self.processed |= self._pending_processed
        self.committed = True
        self._work, self._pending, self._pending_processed = None, [], set()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._work, self._pending, self._pending_processed = None, [], set()  # not committed: dropped
