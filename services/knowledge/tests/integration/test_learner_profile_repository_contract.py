"""The fake and the PostgreSQL learner-profile repositories keep the same promises."""

from collections.abc import Callable
from datetime import UTC, datetime
from uuid import uuid4

import pytest

from cloth_shared.outbox.writer import OutboxWriter
from knowledge.adapters.unit_of_work import PostgresKnowledgeUnitOfWork
from knowledge.bootstrap import MIGRATIONS
from knowledge.domain.learning_plans import LearnerProfile
from knowledge.service_layer.ports import KnowledgeUnitOfWork

from ..unit.fakes import FakeKnowledgeUnitOfWork

pytestmark = pytest.mark.integration

UnitOfWorkFactory = Callable[[], KnowledgeUnitOfWork]


@pytest.fixture(params=["fake", "postgres"])
async def new_uow(request: pytest.FixtureRequest, migrated_pool) -> UnitOfWorkFactory:  # type: ignore[no-untyped-def]
    if request.param == "fake":
        fake = FakeKnowledgeUnitOfWork()
        return lambda: fake
    pool = await migrated_pool(MIGRATIONS)
    return lambda: PostgresKnowledgeUnitOfWork(pool, OutboxWriter(producer="knowledge"))


async def test_a_profile_is_read_back_as_saved_and_a_second_save_replaces_it(
    new_uow: UnitOfWorkFactory,
) -> None:
    from_exchange = LearnerProfile(
        organisation_id=uuid4(), category="sme", exchange_activities=("networking",)
    )
    described = LearnerProfile(
        organisation_id=from_exchange.organisation_id,
        category="sme",
        value_chains=("circular_economy", "fashion_textile"),
        languages=("ca", "es"),
        exchange_activities=("networking", "market_research"),
        described_at=datetime(2026, 11, 30, 12, tzinfo=UTC),
    )
    for profile in (from_exchange, described):
        async with new_uow() as uow:
            await uow.learner_profiles.save(profile)
            await uow.commit()
        async with new_uow() as uow:
            assert await uow.learner_profiles.get(profile.organisation_id, for_update=True) == profile
    async with new_uow() as uow:
        assert await uow.learner_profiles.get(uuid4()) is None
