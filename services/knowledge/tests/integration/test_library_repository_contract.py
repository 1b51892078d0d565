"""The fake and the PostgreSQL library repositories keep the same promises (same cases on both)."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from cloth_shared.outbox.writer import OutboxWriter
from knowledge.adapters.unit_of_work import PostgresKnowledgeUnitOfWork
from knowledge.bootstrap import MIGRATIONS
from knowledge.domain.library import workflow
from knowledge.domain.library.organisations import KnownOrganisation
from knowledge.domain.library.resources import Content, Resource
from knowledge.domain.library.vocabulary import Kind, Language, RevisionStatus
from knowledge.service_layer.ports import KnowledgeUnitOfWork

from ..unit.fakes import FakeKnowledgeUnitOfWork

pytestmark = pytest.mark.integration

UnitOfWorkFactory = Callable[[], KnowledgeUnitOfWork]
NOON = datetime(2026, 11, 30, 12, tzinfo=UTC)
WRITER, CLUSTER = uuid4(), uuid4()


@pytest.fixture(params=["fake", "postgres"])
async def new_uow(request: pytest.FixtureRequest, migrated_pool) -> UnitOfWorkFactory:  # type: ignore[no-untyped-def]
    if request.param == "fake":
        fake = FakeKnowledgeUnitOfWork()
        return lambda: fake
    pool = await migrated_pool(MIGRATIONS)
    return lambda: PostgresKnowledgeUnitOfWork(pool, OutboxWriter(producer="knowledge"))


def started(organisation: UUID, *, at: datetime = NOON, **kw) -> Resource:  # type: ignore[no-untyped-def]
    content = Content(title="Guide", summary="s", body="**b**", tags=("t",), links=("https://e.org",))
    return workflow.start(
        kind=Kind.GUIDE, language=Language.EN, author_organisation_id=organisation, content=content,
        by=WRITER, at=at, **kw,
    )  # fmt: skip


async def test_a_resource_is_read_back_with_every_revision_after_each_save(
    new_uow: UnitOfWorkFactory,
) -> None:
    resource = started(uuid4())
    submitted, _ = workflow.submit(resource, by=WRITER, at=NOON)
    published, _ = workflow.publish(submitted, by=WRITER, at=NOON)
    edited = workflow.edit(published, Content(title="Guide 2", summary="s", body="b"), by=WRITER, at=NOON)
    async with new_uow() as uow:
        await uow.resources.add(resource)
        await uow.commit()
    for state in (submitted, published, edited):
        async with new_uow() as uow:
            await uow.resources.save(state)
            await uow.commit()
        async with new_uow() as uow:
            assert await uow.resources.get(resource.id, for_update=True) == state
    async with new_uow() as uow:
        await uow.resources.save(workflow.archive(edited, by=WRITER, at=NOON)[0])  # not committed
    async with new_uow() as uow:
        assert await uow.resources.get(resource.id) == edited


async def test_a_source_key_finds_its_resource_and_translations_share_a_group(
    new_uow: UnitOfWorkFactory,
) -> None:
    organisation = uuid4()
    original = started(organisation, source_key="exchange:1")
    translation = workflow.start(
        kind=Kind.GUIDE, language=Language.BG, author_organisation_id=organisation,
        content=Content(title="Наръчник", summary="s", body="b"), by=WRITER, at=NOON,
        group_id=original.group_id,
    )  # fmt: skip
    async with new_uow() as uow:
        await uow.resources.add(original)
        await uow.resources.add(translation)
        await uow.commit()
    async with new_uow() as uow:
        assert (await uow.resources.by_source_key("exchange:1")) == original
        assert await uow.resources.by_source_key("exchange:2") is None
        assert [r.language for r in await uow.resources.translations(original.group_id)] == [
            Language.BG,
            Language.EN,
        ]


async def test_the_moderation_queue_holds_submitted_resources_of_the_cluster_oldest_first(
    new_uow: UnitOfWorkFactory,
) -> None:
    ours, theirs = uuid4(), uuid4()
    first = workflow.submit(started(ours, at=NOON), by=WRITER, at=NOON)[0]
    second = workflow.submit(started(ours, at=NOON + timedelta(hours=1)), by=WRITER, at=NOON)[0]
    elsewhere = workflow.submit(started(theirs), by=WRITER, at=NOON)[0]
    async with new_uow() as uow:
        await uow.library_organisations.save(KnownOrganisation(ours, CLUSTER, "Ours", NOON))
        await uow.library_organisations.save(KnownOrganisation(theirs, uuid4(), "Theirs", NOON))
        for resource in (second, started(ours), elsewhere, first):
            await uow.resources.add(resource)
        await uow.commit()
    async with new_uow() as uow:
        waiting = await uow.resources.submitted(cluster_id=CLUSTER, limit=10, offset=0)
        assert [r.id for r in waiting] == [first.id, second.id]
        assert len(await uow.resources.submitted(cluster_id=None, limit=10, offset=0)) == 3
        assert [r.id for r in await uow.resources.submitted(cluster_id=CLUSTER, limit=1, offset=1)] == [
            second.id
        ]
        mine = await uow.resources.of_organisation(ours, limit=10, offset=0)
        assert len(mine) == 3 and {r.latest.status for r in mine} == {
            RevisionStatus.SUBMITTED,
            RevisionStatus.DRAFT,
        }
        assert (await uow.library_organisations.get(ours)) == KnownOrganisation(ours, CLUSTER, "Ours", NOON)
