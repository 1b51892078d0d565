"""What use cases are written against, with no driver behind it: the unit of work's promise.

The asyncpg `cloth_shared.unit_of_work.UnitOfWork` and the in-memory
`cloth_shared.testing.fake_unit_of_work.FakeUnitOfWork` both keep it: nothing is kept unless
`commit()` was called, and emitted events are written (to the outbox) only by that commit.
"""

from types import TracebackType
from typing import Protocol, Self
from uuid import UUID

from cloth_shared.contracts.envelope import Event


class UnitOfWorkPort(Protocol):
    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    def emit(self, event: Event) -> None:
        """Queue an event; it is written to the outbox on commit, in the same transaction."""

    async def commit(self) -> None: ...

    async def first_delivery(self, consumer: str, event_id: UUID, event_type: str) -> bool:
        """Record a consumed event as processed; False if this consumer already processed it."""
        ...
