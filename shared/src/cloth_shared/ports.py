"""What use cases are written against, with no driver behind it: the unit of work's promise.

The asyncpg `cloth_shared.unit_of_work.UnitOfWork` and the in-memory
`cloth_shared.testing.fake_unit_of_work.FakeUnitOfWork` both keep it: nothing is kept unless
`commit()` was called, and emitted events are written (to the outbox) only by that commit.
`reading()` offers the same repositories for reads only, without a transaction.
"""

from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from types import TracebackType
from typing import Protocol, Self
from uuid import UUID

from cloth_shared.contracts.envelope import Event


class UnitOfWorkPort(Protocol):
    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    def reading(self) -> AbstractAsyncContextManager[Self]:
        """`async with uow.reading():` the repositories for reads only, without BEGIN/ROLLBACK;
        nothing may be written, emitted or committed in it."""
        ...

    def emit(self, event: Event) -> None:
        """Queue an event; it is written to the outbox on commit, in the same transaction."""

    async def commit(self) -> None: ...

    async def first_deliveries(self, consumer: str, deliveries: Sequence[tuple[UUID, str]]) -> set[UUID]:
        """Record consumed events, (event id, event type) pairs, as processed by this consumer;
        the ids it had not processed before (a pair given twice counts once)."""
        ...
