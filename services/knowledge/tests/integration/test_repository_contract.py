"""The fake and the PostgreSQL knowledge repositories keep the same promises.

Every case runs against both, so the fake the use-case tests rely on cannot drift.
"""

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from cloth_shared.outbox.writer import OutboxWriter
from knowledge.adapters.unit_of_work import PostgresKnowledgeUnitOfWork
from knowledge.bootstrap import MIGRATIONS
from knowledge.domain.people import Contributor
from knowledge.service_layer.ports import KnowledgeUnitOfWork

from ..unit.fakes import FakeKnowledgeUnitOfWork

pytestmark = pytest.mark.integration

UnitOfWorkFactory = Callable[[], KnowledgeUnitOfWork]
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


@pytest.fixture(params=["fake", "postgres"])
async def new_uow(request: pytest.FixtureRequest, migrated_pool) -> UnitOfWorkFactory:  # type: ignore[no-untyped-def]
    if request.param == "fake":
        fake = FakeKnowledgeUnitOfWork()
        return lambda: fake
    pool = await migrated_pool(MIGRATIONS)
    return lambda: PostgresKnowledgeUnitOfWork(pool, OutboxWriter(producer="knowledge"))


def a_contributor(**overrides) -> Contributor:  # type: ignore[no-untyped-def]
    values = {
        "person_id": uuid4(),
        "display_name": "Ana",
        "email": "ana@teixits.example",
        "language": "es",
        "role": "organisation_admin",
        "organisation_id": uuid4(),
        "cluster_id": None,
        "updated_at": NOW,
    }
    return Contributor(**{**values, **overrides})


async def test_a_remembered_contributor_is_read_back_as_it_was(new_uow: UnitOfWorkFactory) -> None:
    contributor = a_contributor()
    async with new_uow() as uow:
        await uow.contributors.remember(contributor)
        await uow.commit()
    async with new_uow() as uow:
        assert await uow.contributors.get(contributor.person_id) == contributor


async def test_a_newer_announcement_replaces_and_an_older_one_does_not(new_uow: UnitOfWorkFactory) -> None:
    first = a_contributor()
    newer = replace(first, role="organisation_member", updated_at=NOW + timedelta(minutes=1))
    stale = replace(first, display_name="Old name", updated_at=NOW - timedelta(minutes=1))
    async with new_uow() as uow:
        for version in (first, newer, stale):
            await uow.contributors.remember(version)
        await uow.commit()
    async with new_uow() as uow:
        assert await uow.contributors.get(first.person_id) == newer


async def test_a_forgotten_contributor_is_gone_and_forgetting_twice_is_harmless(
    new_uow: UnitOfWorkFactory,
) -> None:
    contributor = a_contributor()
    async with new_uow() as uow:
        await uow.contributors.remember(contributor)
        await uow.commit()
    async with new_uow() as uow:
        await uow.contributors.forget(contributor.person_id)
        await uow.contributors.forget(contributor.person_id)
        await uow.commit()
    async with new_uow() as uow:
        assert await uow.contributors.get(contributor.person_id) is None


async def test_work_not_committed_is_not_kept(new_uow: UnitOfWorkFactory) -> None:
    contributor = a_contributor()
    async with new_uow() as uow:
        await uow.contributors.remember(contributor)
    async with new_uow() as uow:
        assert await uow.contributors.get(contributor.person_id) is None
