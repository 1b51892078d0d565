"""The fake and the PostgreSQL author repositories keep the same promises (same cases on both)."""

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from uuid import uuid4

import pytest

from cloth_shared.outbox.writer import OutboxWriter
from knowledge.adapters.unit_of_work import PostgresKnowledgeUnitOfWork
from knowledge.bootstrap import MIGRATIONS
from knowledge.domain.authors import Author, erase
from knowledge.service_layer.ports import KnowledgeUnitOfWork

from ..unit.fakes import FakeKnowledgeUnitOfWork

pytestmark = pytest.mark.integration

UnitOfWorkFactory = Callable[[], KnowledgeUnitOfWork]
NOON = datetime(2026, 11, 30, 12, tzinfo=UTC)


@pytest.fixture(params=["fake", "postgres"])
async def new_uow(request: pytest.FixtureRequest, migrated_pool) -> UnitOfWorkFactory:  # type: ignore[no-untyped-def]
    if request.param == "fake":
        fake = FakeKnowledgeUnitOfWork()
        return lambda: fake
    pool = await migrated_pool(MIGRATIONS)
    return lambda: PostgresKnowledgeUnitOfWork(pool, OutboxWriter(producer="knowledge"))


async def test_a_saved_author_is_read_back_and_replaced_by_a_later_save(new_uow: UnitOfWorkFactory) -> None:
    author = Author(person_id=uuid4(), display_name="Ana", organisation_id=uuid4(), updated_at=NOON)
    async with new_uow() as uow:
        await uow.authors.save(author)
        await uow.commit()
    async with new_uow() as uow:
        assert await uow.authors.get(author.person_id) == author
        erased = erase(author, at=NOON)
        await uow.authors.save(erased)
        await uow.commit()
    async with new_uow() as uow:
        assert await uow.authors.get(author.person_id, for_update=True) == erased


async def test_an_unknown_author_is_none_and_uncommitted_work_is_not_kept(new_uow: UnitOfWorkFactory) -> None:
    author = Author(person_id=uuid4(), display_name="Ana", organisation_id=None, updated_at=NOON)
    async with new_uow() as uow:
        await uow.authors.save(replace(author, display_name="never committed"))
    async with new_uow() as uow:
        assert await uow.authors.get(author.person_id) is None
