"""The asyncpg unit of work: a batch's inbox rows in one statement, and reads without a transaction."""

from uuid import uuid4

import asyncpg
import pytest

from cloth_shared.outbox.writer import OutboxWriter
from cloth_shared.unit_of_work import UnitOfWork, WriteWhileReading


class _Events:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def count(self) -> int:
        return int(await self._connection.fetchval("SELECT count(*) FROM processed_events"))

    async def forget_all(self) -> None:
        await self._connection.execute("DELETE FROM processed_events")

    async def locked(self) -> None:
        await self._connection.fetch("SELECT * FROM processed_events FOR UPDATE")


class _UnitOfWork(UnitOfWork):
    events: _Events

    def _bind(self, connection: asyncpg.Connection) -> None:
        self.events = _Events(connection)


async def test_a_batch_is_recorded_in_one_statement_and_only_new_ids_come_back(pool: asyncpg.Pool) -> None:
    seen, new, twice = uuid4(), uuid4(), uuid4()
    uow = _UnitOfWork(pool, OutboxWriter(producer="test"))
    async with uow:
        assert await uow.first_deliveries("c", [(seen, "SMEJoined")]) == {seen}
        await uow.commit()

    async with uow:
        batch = [(seen, "SMEJoined"), (new, "SMEJoined"), (twice, "SMEJoined"), (twice, "SMEJoined")]
        first = await uow.first_deliveries("c", batch)
        other_consumer = await uow.first_deliveries("other", [(seen, "SMEJoined")])
        nothing = await uow.first_deliveries("c", [])
    assert (first, other_consumer, nothing) == ({new, twice}, {seen}, set())
    async with uow.reading():
        assert await uow.events.count() == 1  # not committed: only the first batch is kept


async def test_reads_run_without_a_transaction_and_refuse_writes_and_locks(pool: asyncpg.Pool) -> None:
    uow = _UnitOfWork(pool, OutboxWriter(producer="test"))
    async with uow.reading():
        assert await uow.events.count() == 0
        assert not uow.connection.is_in_transaction()
        with pytest.raises(WriteWhileReading):
            await uow.events.forget_all()
        with pytest.raises(WriteWhileReading):
            await uow.events.locked()
        with pytest.raises(WriteWhileReading):
            await uow.first_deliveries("c", [(uuid4(), "SMEJoined")])
        with pytest.raises(WriteWhileReading):
            await uow.commit()
    async with uow:  # inside a unit of work, a read happens in its transaction
        await uow.first_deliveries("c", [(uuid4(), "SMEJoined")])
        async with uow.reading():
            assert await uow.events.count() == 1
        await uow.commit()
    assert await pool.fetchval("SELECT count(*) FROM processed_events") == 1
