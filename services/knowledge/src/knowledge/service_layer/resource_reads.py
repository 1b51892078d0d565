"""What readers see of the library: the public reads published resources; authors and
moderators read every revision, whatever its state."""

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.errors import NotAllowed, NotFound
from knowledge.domain.library import access
from knowledge.domain.library.resources import Resource, Revision
from knowledge.domain.library.search import SearchPage, SearchQuery
from knowledge.service_layer.ports import KnowledgeUnitOfWork
from knowledge.service_layer.resources import cluster_of
from knowledge.service_layer.search_cache import SearchCache


@dataclass(frozen=True, slots=True)
class ResourceView:
    """A resource as the caller may read it: `shown` is the published revision when there is
    one, else (for authors and moderators) the latest."""

    resource: Resource
    shown: Revision
    sees_every_revision: bool


async def read_resource(
    uow: KnowledgeUnitOfWork, caller: Principal | None, resource_id: UUID
) -> ResourceView:
    """One resource: anyone for a published one, its authors and moderators for the rest."""
    async with uow.reading():
        resource, everything = await _readable(uow, caller, resource_id)
    return ResourceView(resource, resource.published or resource.latest, everything)


async def read_revision(
    uow: KnowledgeUnitOfWork, caller: Principal | None, resource_id: UUID, number: int
) -> tuple[Resource, Revision]:
    """Any revision, for the resource's authors and moderators."""
    async with uow.reading():
        resource, everything = await _readable(uow, caller, resource_id)
    revision = resource.revision(number)
    if not everything or revision is None:
        raise NotFound("no such revision", code="revision-not-found")
    return resource, revision


async def list_revisions(uow: KnowledgeUnitOfWork, caller: Principal | None, resource_id: UUID) -> Resource:
    """The resource with its revisions, for its authors and moderators."""
    async with uow.reading():
        resource, everything = await _readable(uow, caller, resource_id)
    if not everything:
        raise NotAllowed("only its authors and moderators read a resource's revisions", code="not-an-author")
    return resource


async def list_translations(
    uow: KnowledgeUnitOfWork, caller: Principal | None, resource_id: UUID
) -> Sequence[ResourceView]:
    """The resource in every language the caller may read it in, itself included."""
    async with uow.reading():
        resource, _ = await _readable(uow, caller, resource_id)
        cluster_id = await cluster_of(uow, resource)
        group = await uow.resources.translations(resource.group_id)
    views = []
    for member in group:
        everything = access.sees_every_revision(caller, member, cluster_id)
        if member.published is not None or everything:
            views.append(ResourceView(member, member.published or member.latest, everything))
    return views


async def search_resources(
    uow: KnowledgeUnitOfWork, query: SearchQuery, answers: SearchCache | None = None
) -> SearchPage:
    """Published resources matching the words and filters, best first, with facet counts; from
    `answers` when the same search was answered since the library last changed."""
    async with uow.reading():
        if answers is None:
            return await uow.resources.search(query)
        generation = await uow.resources.search_generation()
        if (answer := answers.get(generation, query)) is not None:
            return answer
        answer = await uow.resources.search(query)
    answers.put(generation, query, answer)
    return answer


async def moderation_queue(
    uow: KnowledgeUnitOfWork, caller: Principal, *, limit: int, offset: int
) -> Sequence[Resource]:
    """Submitted revisions waiting: a cluster manager's cluster's, or all for administrators."""
    if not caller.is_admin and (Role.CLUSTER_MANAGER not in caller.roles or caller.cluster_id is None):
        raise NotAllowed("only cluster managers and administrators moderate", code="not-a-moderator")
    async with uow.reading():
        cluster_id = None if caller.is_admin else caller.cluster_id
        return await uow.resources.submitted(cluster_id=cluster_id, limit=limit, offset=offset)


async def organisation_resources(
    uow: KnowledgeUnitOfWork, caller: Principal, organisation_id: UUID, *, limit: int, offset: int
) -> Sequence[Resource]:
    """Every resource of an organisation, whatever its state: for its people and moderators."""
    async with uow.reading():
        known = await uow.library_organisations.get(organisation_id)
        cluster_id = None if known is None else known.cluster_id
        if not (access.is_author(caller, organisation_id) or access.is_moderator(caller, cluster_id)):
            raise NotAllowed(
                "only its people and moderators list an organisation's drafts", code="not-an-author"
            )
        return await uow.resources.of_organisation(organisation_id, limit=limit, offset=offset)


async def _readable(
    uow: KnowledgeUnitOfWork, caller: Principal | None, resource_id: UUID
) -> tuple[Resource, bool]:
    resource = await uow.resources.get(resource_id)
    if resource is None:
        raise NotFound("no such resource", code="resource-not-found")
    cluster_id = await cluster_of(uow, resource)
    access.check_visible(caller, resource, cluster_id)
    return resource, access.sees_every_revision(caller, resource, cluster_id)
