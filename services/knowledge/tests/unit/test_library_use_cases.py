"""The library's use cases on the fake unit of work: authority, events through the outbox,
what readers see, the organisations read model and lessons-learned drafts."""

from datetime import UTC, datetime
from uuid import UUID, uuid4

import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.contracts.knowledge_resources import (
    ResourceArchived,
    ResourcePublished,
    ResourceSentBack,
    ResourceSubmitted,
)
from cloth_shared.errors import Conflict, NotAllowed, NotFound
from cloth_shared.testing.examples import enveloped, sme_joined
from knowledge.domain.library.resources import Content
from knowledge.domain.library.search import SearchQuery
from knowledge.domain.library.vocabulary import Kind, Language, RevisionStatus
from knowledge.service_layer import resource_reads as reads
from knowledge.service_layer import resources as commands
from knowledge.service_layer.lessons_learned import start_lessons_learned_draft
from knowledge.service_layer.library_organisations import remember_organisation

from .fakes import FakeKnowledgeUnitOfWork

ORGANISATION, CLUSTER = uuid4(), uuid4()
AUTHOR = Principal(uuid4(), frozenset({Role.ORGANISATION_MEMBER}), organisation_id=ORGANISATION)
MANAGER = Principal(uuid4(), frozenset({Role.CLUSTER_MANAGER}), cluster_id=CLUSTER)
OTHER_MANAGER = Principal(uuid4(), frozenset({Role.CLUSTER_MANAGER}), cluster_id=uuid4())
ADMIN = Principal(uuid4(), frozenset({Role.PLATFORM_ADMIN}))


def content(title: str = "Moda sostenible") -> Content:
    return Content(
        title=title, summary="Ecodiseño", body="Tintes naturales y fibras recicladas", tags=("eco",)
    )


async def known_organisation(uow: FakeKnowledgeUnitOfWork, organisation_id: UUID = ORGANISATION) -> None:
    event = sme_joined(organisation_id=organisation_id, cluster_id=CLUSTER)
    async with uow:
        await remember_organisation(uow, enveloped(event), event)
        await uow.commit()


async def written(uow: FakeKnowledgeUnitOfWork, language: Language = Language.ES) -> UUID:
    command = commands.WriteResource(Kind.GUIDE, language, ORGANISATION, content())
    return (await commands.write_resource(uow, AUTHOR, command)).id


async def published(uow: FakeKnowledgeUnitOfWork) -> UUID:
    resource_id = await written(uow)
    await commands.submit_resource(uow, AUTHOR, resource_id)
    await commands.publish_resource(uow, MANAGER, resource_id)
    return resource_id


@pytest.fixture
async def uow() -> FakeKnowledgeUnitOfWork:
    fake = FakeKnowledgeUnitOfWork()
    await known_organisation(fake)
    return fake


async def test_only_the_people_of_the_author_organisation_start_its_resources(uow) -> None:  # type: ignore[no-untyped-def]
    command = commands.WriteResource(Kind.GUIDE, Language.ES, uuid4(), content())
    with pytest.raises(NotAllowed):
        await commands.write_resource(uow, AUTHOR, command)
    assert await written(uow) in uow.database.resources


async def test_submitted_published_and_archived_resources_are_announced_through_the_outbox(uow) -> None:  # type: ignore[no-untyped-def]
    resource_id = await published(uow)
    await commands.archive_resource(uow, AUTHOR, resource_id)
    assert [type(e) for e in uow.events] == [ResourceSubmitted, ResourcePublished, ResourceArchived]
    publication = uow.events[1]
    assert isinstance(publication, ResourcePublished)
    assert (publication.published_by, publication.resource.revision) == (MANAGER.subject, 1)


async def test_only_the_author_organisations_cluster_managers_publish_and_a_refusal_emits_nothing(
    uow,
) -> None:  # type: ignore[no-untyped-def]
    resource_id = await written(uow)
    await commands.submit_resource(uow, AUTHOR, resource_id)
    with pytest.raises(NotFound):  # another cluster's manager does not even learn the draft exists
        await commands.publish_resource(uow, OTHER_MANAGER, resource_id)
    with pytest.raises(NotAllowed):
        await commands.publish_resource(uow, AUTHOR, resource_id)
    assert [type(e) for e in uow.events] == [ResourceSubmitted]
    await commands.publish_resource(uow, MANAGER, resource_id)
    await commands.edit_resource(uow, AUTHOR, resource_id, content("Second edition"))
    await commands.submit_resource(uow, AUTHOR, resource_id)
    with pytest.raises(NotAllowed):  # published, so visible: now a plain refusal
        await commands.publish_resource(uow, OTHER_MANAGER, resource_id)


async def test_administrators_moderate_any_organisation_even_one_not_known_yet() -> None:
    uow = FakeKnowledgeUnitOfWork()
    resource_id = await written(uow)
    await commands.submit_resource(uow, AUTHOR, resource_id)
    with pytest.raises(NotFound):  # whose cluster is not known yet: to managers, as if not there
        await commands.publish_resource(uow, MANAGER, resource_id)
    sent_back = await commands.send_back_resource(uow, ADMIN, resource_id, "Add figures")
    assert sent_back.latest.status is RevisionStatus.SENT_BACK
    assert isinstance(uow.events[-1], ResourceSentBack) and uow.events[-1].comment == "Add figures"


async def test_the_public_reads_the_published_revision_while_the_next_one_is_moderated(uow) -> None:  # type: ignore[no-untyped-def]
    resource_id = await published(uow)
    await commands.edit_resource(uow, AUTHOR, resource_id, content("Moda sostenible, 2a edición"))
    public = await reads.read_resource(uow, None, resource_id)
    assert (public.shown.number, public.shown.content.title, public.sees_every_revision) == (
        1,
        "Moda sostenible",
        False,
    )
    mine = await reads.read_resource(uow, AUTHOR, resource_id)
    assert mine.sees_every_revision and mine.resource.latest.number == 2
    assert len((await reads.list_revisions(uow, MANAGER, resource_id)).revisions) == 2
    with pytest.raises(NotAllowed):
        await reads.list_revisions(uow, None, resource_id)
    with pytest.raises(NotFound):
        await reads.read_revision(uow, None, resource_id, 2)


async def test_a_draft_is_not_found_by_the_public_nor_by_search(uow) -> None:  # type: ignore[no-untyped-def]
    resource_id = await written(uow)
    with pytest.raises(NotFound):
        await reads.read_resource(uow, None, resource_id)
    with pytest.raises(NotFound):
        await commands.submit_resource(uow, OTHER_MANAGER, resource_id)
    assert (await reads.search_resources(uow, SearchQuery("moda"))).total == 0
    await commands.submit_resource(uow, AUTHOR, resource_id)
    await commands.publish_resource(uow, MANAGER, resource_id)
    assert (await reads.search_resources(uow, SearchQuery("moda"))).total == 1


async def test_translations_join_one_group_once_per_language_and_the_public_sees_published_ones(uow) -> None:  # type: ignore[no-untyped-def]
    original = await published(uow)
    catalan = await commands.translate_resource(
        uow, AUTHOR, original, Language.CA, content("Moda sostenible (ca)")
    )
    with pytest.raises(Conflict):
        await commands.translate_resource(uow, AUTHOR, original, Language.CA, content())
    assert [v.resource.language for v in await reads.list_translations(uow, None, original)] == [Language.ES]
    languages = [v.resource.language for v in await reads.list_translations(uow, AUTHOR, catalan.id)]
    assert languages == [Language.CA, Language.ES]


async def test_the_moderation_queue_holds_the_managers_cluster_only_and_is_refused_to_members(uow) -> None:  # type: ignore[no-untyped-def]
    resource_id = await written(uow)
    await commands.submit_resource(uow, AUTHOR, resource_id)
    assert [r.id for r in await reads.moderation_queue(uow, MANAGER, limit=10, offset=0)] == [resource_id]
    assert await reads.moderation_queue(uow, OTHER_MANAGER, limit=10, offset=0) == []
    assert len(await reads.moderation_queue(uow, ADMIN, limit=10, offset=0)) == 1
    with pytest.raises(NotAllowed):
        await reads.moderation_queue(uow, AUTHOR, limit=10, offset=0)


async def test_an_organisations_drafts_are_listed_for_its_people_and_moderators_only(uow) -> None:  # type: ignore[no-untyped-def]
    await written(uow)
    assert len(await reads.organisation_resources(uow, MANAGER, ORGANISATION, limit=10, offset=0)) == 1
    with pytest.raises(NotAllowed):
        await reads.organisation_resources(uow, OTHER_MANAGER, ORGANISATION, limit=10, offset=0)


async def test_a_lessons_learned_draft_is_started_once_per_source_key() -> None:
    uow = FakeKnowledgeUnitOfWork()
    for _ in range(2):  # a redelivery of the same exchange
        async with uow:
            await start_lessons_learned_draft(
                uow,
                organisation_id=ORGANISATION,
                source_key="exchange:1",
                content=content(),
                at=datetime.now(UTC),
            )
            await uow.commit()
    (draft,) = uow.database.resources.values()
    assert (draft.kind, draft.latest.status, draft.latest.written_by) == (
        Kind.LESSONS_LEARNED,
        RevisionStatus.DRAFT,
        None,
    )
    assert uow.events == []
    await commands.submit_resource(uow, AUTHOR, draft.id)  # its people finish and submit it


async def test_an_older_organisation_announcement_replayed_later_does_not_move_it_back() -> None:
    uow = FakeKnowledgeUnitOfWork()
    newer = sme_joined(organisation_id=ORGANISATION, cluster_id=CLUSTER)
    older = sme_joined(organisation_id=ORGANISATION, cluster_id=uuid4())
    older_envelope = enveloped(older)
    async with uow:
        await remember_organisation(uow, enveloped(newer), newer)
        await remember_organisation(
            uow, older_envelope.model_copy(update={"occurred_at": datetime(2020, 1, 1, tzinfo=UTC)}), older
        )
        await uow.commit()
    assert uow.database.library_organisations[ORGANISATION].cluster_id == CLUSTER
