"""The library's commands: write, translate, edit, submit, moderate, archive.

Each use case loads the resource locked, checks the caller's authority (moderators are found
through the author organisation's cluster, from the organisations membership announced), applies
the workflow's rule, saves, emits the fact through the outbox and commits.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import Conflict, NotFound
from knowledge.domain.library import access, workflow
from knowledge.domain.library.resources import Content, Resource
from knowledge.domain.library.vocabulary import Kind, Language
from knowledge.service_layer.ports import KnowledgeUnitOfWork
from knowledge.service_layer.resource_events import Fact, announcement


@dataclass(frozen=True, slots=True)
class WriteResource:
    kind: Kind
    language: Language
    author_organisation_id: UUID
    content: Content


async def write_resource(uow: KnowledgeUnitOfWork, caller: Principal, command: WriteResource) -> Resource:
    """A new draft for the caller's organisation."""
    access.check_author(caller, command.author_organisation_id)
    resource = workflow.start(
        kind=command.kind,
        language=command.language,
        author_organisation_id=command.author_organisation_id,
        content=command.content,
        by=caller.subject,
        at=datetime.now(UTC),
    )
    async with uow:
        await uow.resources.add(resource)
        await uow.commit()
    return resource


async def translate_resource(
    uow: KnowledgeUnitOfWork, caller: Principal, original_id: UUID, language: Language, content: Content
) -> Resource:
    """A draft in another language, in the original's translation group (one per language)."""
    async with uow:
        original = await _visible(uow, caller, original_id)
        access.check_author(caller, original.author_organisation_id)
        if any(r.language is language for r in await uow.resources.translations(original.group_id)):
            raise Conflict(f"the resource has a {language} version already", code="translation-exists")
        translation = workflow.start(
            kind=original.kind,
            language=language,
            author_organisation_id=original.author_organisation_id,
            content=content,
            by=caller.subject,
            at=datetime.now(UTC),
            group_id=original.group_id,
        )
        await uow.resources.add(translation)
        await uow.commit()
    return translation


async def edit_resource(
    uow: KnowledgeUnitOfWork, caller: Principal, resource_id: UUID, content: Content
) -> Resource:
    """Authors rewrite the draft, or start a new revision of a sent-back or published one."""
    async with uow:
        resource = await _locked(uow, resource_id)
        await _authorise_author(uow, caller, resource)
        edited = workflow.edit(resource, content, by=caller.subject, at=datetime.now(UTC))
        await uow.resources.save(edited)
        await uow.commit()
    return edited


async def submit_resource(uow: KnowledgeUnitOfWork, caller: Principal, resource_id: UUID) -> Resource:
    """Authors hand the latest revision to their cluster's moderators."""
    return await _transition(
        uow,
        caller,
        resource_id,
        _authorise_author,
        lambda r, at: workflow.submit(r, by=caller.subject, at=at),
    )


async def publish_resource(uow: KnowledgeUnitOfWork, caller: Principal, resource_id: UUID) -> Resource:
    """A moderator publishes the submitted revision; the public reads it from now on."""
    return await _transition(
        uow,
        caller,
        resource_id,
        _authorise_moderator,
        lambda r, at: workflow.publish(r, by=caller.subject, at=at),
    )


async def send_back_resource(
    uow: KnowledgeUnitOfWork, caller: Principal, resource_id: UUID, comment: str
) -> Resource:
    """A moderator returns the submitted revision to its authors with a comment."""
    return await _transition(
        uow,
        caller,
        resource_id,
        _authorise_moderator,
        lambda r, at: workflow.send_back(r, comment, by=caller.subject, at=at),
    )


async def archive_resource(uow: KnowledgeUnitOfWork, caller: Principal, resource_id: UUID) -> Resource:
    """Authors or moderators take the resource out of the library; its revisions are kept."""

    async def authorise(uow: KnowledgeUnitOfWork, caller: Principal, resource: Resource) -> None:
        access.check_archivist(caller, resource, await cluster_of(uow, resource))

    return await _transition(
        uow, caller, resource_id, authorise, lambda r, at: workflow.archive(r, by=caller.subject, at=at)
    )


Authorise = Callable[[KnowledgeUnitOfWork, Principal, Resource], Awaitable[None]]


async def _transition(
    uow: KnowledgeUnitOfWork,
    caller: Principal,
    resource_id: UUID,
    authorise: Authorise,
    rule: Callable[[Resource, datetime], tuple[Resource, Fact]],
) -> Resource:
    now = datetime.now(UTC)
    async with uow:
        resource = await _locked(uow, resource_id)
        await authorise(uow, caller, resource)
        changed, fact = rule(resource, now)
        await uow.resources.save(changed)
        uow.emit(announcement(fact, now))
        await uow.commit()
    return changed


async def cluster_of(uow: KnowledgeUnitOfWork, resource: Resource) -> UUID | None:
    known = await uow.library_organisations.get(resource.author_organisation_id)
    return None if known is None else known.cluster_id


async def _locked(uow: KnowledgeUnitOfWork, resource_id: UUID) -> Resource:
    resource = await uow.resources.get(resource_id, for_update=True)
    if resource is None:
        raise NotFound("no such resource", code="resource-not-found")
    return resource


async def _visible(uow: KnowledgeUnitOfWork, caller: Principal | None, resource_id: UUID) -> Resource:
    resource = await uow.resources.get(resource_id)
    if resource is None:
        raise NotFound("no such resource", code="resource-not-found")
    access.check_visible(caller, resource, await cluster_of(uow, resource))
    return resource


async def _authorise_author(uow: KnowledgeUnitOfWork, caller: Principal, resource: Resource) -> None:
    # A draft's existence is not revealed to strangers: they get the same 404 as for no resource.
    access.check_visible(caller, resource, await cluster_of(uow, resource))
    access.check_author(caller, resource.author_organisation_id)


async def _authorise_moderator(uow: KnowledgeUnitOfWork, caller: Principal, resource: Resource) -> None:
    cluster_id = await cluster_of(uow, resource)
    access.check_visible(caller, resource, cluster_id)
    access.check_moderator(caller, cluster_id)
