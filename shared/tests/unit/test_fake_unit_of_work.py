"""The fake unit of work keeps the real one's promise for batches of deliveries and for reads."""

from typing import Self
from uuid import uuid4

import pytest

from cloth_shared.testing.fake_unit_of_work import FakeUnitOfWork


class _Database:
    def __init__(self, rows: list[str] | None = None) -> None:
        self.rows = rows or []

    def copy(self) -> Self:
        return type(self)(list(self.rows))


class _Fake(FakeUnitOfWork[_Database]):
    rows: list[str]

    def _bind(self, work: _Database) -> None:
        self.rows = work.rows


async def test_a_batch_of_deliveries_answers_the_new_ids_once() -> None:
    uow, seen, new = _Fake(_Database()), uuid4(), uuid4()
    async with uow:
        await uow.first_deliveries("c", [(seen, "E")])
        await uow.commit()
    async with uow:
        first = await uow.first_deliveries("c", [(seen, "E"), (new, "E"), (new, "E")])
    assert first == {new}


async def test_a_read_keeps_nothing_and_refuses_to_commit_or_emit() -> None:
    uow = _Fake(_Database(["a"]))
    async with uow.reading():
        assert uow.rows == ["a"]
        uow.rows.append("dropped")
        with pytest.raises(AssertionError):
            await uow.commit()
        with pytest.raises(AssertionError):
            await uow.first_deliveries("c", [(uuid4(), "E")])
    assert uow.database.rows == ["a"]
