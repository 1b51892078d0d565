"""Routes of the library: search and read (public, published only), write and moderate.

Authors are the people of the author organisation; moderators the managers of its cluster and
administrators. Resources a caller may not read answer 404, so a draft's existence never leaks.
"""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query, status
from pydantic import StringConstraints

from cloth_shared.auth.fastapi import Caller, MaybeCaller
from cloth_shared.bodies import JsonRoute
from cloth_shared.inputs import SingleLine
from cloth_shared.openapi import problem_responses
from cloth_shared.pagination import Limit, Offset
from knowledge.domain.library.search import MAX_OFFSET, MAX_PAGE_SIZE, SearchQuery
from knowledge.domain.library.vocabulary import Kind, Language
from knowledge.entrypoints.dependencies import SearchAnswers, UoW
from knowledge.entrypoints.resource_requests import (
    ContentBody,
    ResourceCreate,
    SendBackBody,
    TranslationCreate,
)
from knowledge.entrypoints.resource_responses import (
    ResourcePublic,
    RevisionPublic,
    RevisionsPublic,
    RevisionSummary,
    SearchPagePublic,
    TranslationPublic,
)
from knowledge.service_layer import resource_reads as reads
from knowledge.service_layer import resources as commands

router = APIRouter(tags=["library"], route_class=JsonRoute)

Words = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200), SingleLine]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60), SingleLine]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"At most {MAX_PAGE_SIZE}.")]
SearchOffset = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description=f"At most {MAX_OFFSET}: narrow with filters.")
]
RevisionNumber = Annotated[int, Path(ge=1, le=100_000)]


@router.get(
    "/resources",
    response_model=SearchPagePublic,
    summary="Search published resources in any of the seven languages, with facet counts (public).",
    description="Words are stemmed in each resource's own language (Bulgarian unaccented), titles "
    "tolerate typos; without `q` the newest come first.",
    responses=problem_responses(422),
)
async def search(
    uow: UoW,
    answers: SearchAnswers,
    q: Words | None = None,
    kind: Kind | None = None,
    language: Language | None = None,
    value_chain: Label | None = None,
    region: Label | None = None,
    tag: Label | None = None,
    author_organisation_id: UUID | None = None,
    limit: PageSize = 20,
    offset: SearchOffset = 0,
) -> SearchPagePublic:
    query = SearchQuery(q, kind, language, value_chain, region, tag, author_organisation_id, limit, offset)
    return SearchPagePublic.of(await reads.search_resources(uow, query, answers), limit=limit, offset=offset)


@router.post(
    "/resources",
    response_model=ResourcePublic,
    status_code=status.HTTP_201_CREATED,
    summary="Start a resource, as a draft, for your organisation (its people).",
    responses=problem_responses(401, 403, 413, 422),
)
async def write(body: ResourceCreate, caller: Caller, uow: UoW) -> ResourcePublic:
    command = commands.WriteResource(body.kind, body.language, body.author_organisation_id, body.content())
    return ResourcePublic.of(await commands.write_resource(uow, caller, command))


@router.get(
    "/resources/moderation-queue",
    response_model=list[ResourcePublic],
    summary="Resources waiting for moderation: your cluster's (cluster managers), or all (administrators).",
    responses=problem_responses(401, 403, 422),
)
async def moderation_queue(
    caller: Caller, uow: UoW, limit: Limit = 20, offset: Offset = 0
) -> list[ResourcePublic]:
    waiting = await reads.moderation_queue(uow, caller, limit=limit, offset=offset)
    return [ResourcePublic.of(resource, resource.latest) for resource in waiting]


@router.get(
    "/organisations/{organisation_id}/resources",
    response_model=list[ResourcePublic],
    summary="Every resource of an organisation, drafts included (its people and moderators).",
    responses=problem_responses(401, 403, 422),
)
async def of_organisation(
    organisation_id: UUID, caller: Caller, uow: UoW, limit: Limit = 20, offset: Offset = 0
) -> list[ResourcePublic]:
    found = await reads.organisation_resources(uow, caller, organisation_id, limit=limit, offset=offset)
    return [ResourcePublic.of(resource) for resource in found]


@router.get(
    "/resources/{resource_id}",
    response_model=ResourcePublic,
    summary="A resource: its published revision (public), or its latest for its authors and moderators.",
    responses=problem_responses(401, 404, 422),
)
async def read(resource_id: UUID, caller: MaybeCaller, uow: UoW) -> ResourcePublic:
    return ResourcePublic.of_view(await reads.read_resource(uow, caller, resource_id))


@router.put(
    "/resources/{resource_id}",
    response_model=ResourcePublic,
    summary="Edit: rewrites a draft; a sent-back or published resource gets a new revision (authors).",
    description="The published revision stays visible until the new one is published.",
    responses=problem_responses(401, 403, 404, 409, 413, 422),
)
async def edit(resource_id: UUID, body: ContentBody, caller: Caller, uow: UoW) -> ResourcePublic:
    return ResourcePublic.of(await commands.edit_resource(uow, caller, resource_id, body.content()))


@router.post(
    "/resources/{resource_id}/submit",
    response_model=ResourcePublic,
    summary="Submit the latest revision for moderation (authors). Emits ResourceSubmitted.",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def submit(resource_id: UUID, caller: Caller, uow: UoW) -> ResourcePublic:
    return ResourcePublic.of(await commands.submit_resource(uow, caller, resource_id))


@router.post(
    "/resources/{resource_id}/publish",
    response_model=ResourcePublic,
    summary="Publish the submitted revision (the author organisation's cluster managers, "
    "administrators). Emits ResourcePublished.",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def publish(resource_id: UUID, caller: Caller, uow: UoW) -> ResourcePublic:
    return ResourcePublic.of(await commands.publish_resource(uow, caller, resource_id))


@router.post(
    "/resources/{resource_id}/send-back",
    response_model=ResourcePublic,
    summary="Send the submitted revision back to its authors with a comment (moderators). "
    "Emits ResourceSentBack.",
    responses=problem_responses(401, 403, 404, 409, 413, 422),
)
async def send_back(resource_id: UUID, body: SendBackBody, caller: Caller, uow: UoW) -> ResourcePublic:
    return ResourcePublic.of(await commands.send_back_resource(uow, caller, resource_id, body.comment))


@router.post(
    "/resources/{resource_id}/archive",
    response_model=ResourcePublic,
    summary="Take the resource out of the library; revisions are kept (authors, moderators). "
    "Emits ResourceArchived.",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def archive(resource_id: UUID, caller: Caller, uow: UoW) -> ResourcePublic:
    return ResourcePublic.of(await commands.archive_resource(uow, caller, resource_id))


@router.get(
    "/resources/{resource_id}/revisions",
    response_model=RevisionsPublic,
    summary="Every revision of a resource, oldest first (authors and moderators).",
    responses=problem_responses(401, 403, 404, 422),
)
async def revisions(resource_id: UUID, caller: MaybeCaller, uow: UoW) -> RevisionsPublic:
    resource = await reads.list_revisions(uow, caller, resource_id)
    return RevisionsPublic(
        resource_id=resource.id, revisions=[RevisionSummary.of(r) for r in resource.revisions]
    )


@router.get(
    "/resources/{resource_id}/revisions/{number}",
    response_model=RevisionPublic,
    summary="One revision in full, Markdown source and rendered body (authors and moderators).",
    responses=problem_responses(401, 404, 422),
)
async def revision(
    resource_id: UUID, number: RevisionNumber, caller: MaybeCaller, uow: UoW
) -> RevisionPublic:
    _, found = await reads.read_revision(uow, caller, resource_id, number)
    return RevisionPublic.of(found)


@router.get(
    "/resources/{resource_id}/translations",
    response_model=list[TranslationPublic],
    summary="The resource in every language you may read it in, itself included (public: published ones).",
    responses=problem_responses(401, 404, 422),
)
async def translations(resource_id: UUID, caller: MaybeCaller, uow: UoW) -> list[TranslationPublic]:
    return [TranslationPublic.of(view) for view in await reads.list_translations(uow, caller, resource_id)]


@router.post(
    "/resources/{resource_id}/translations",
    response_model=ResourcePublic,
    status_code=status.HTTP_201_CREATED,
    summary="Start a translation, as a draft in the same group (the author organisation's people).",
    responses=problem_responses(401, 403, 404, 409, 413, 422),
)
async def translate(resource_id: UUID, body: TranslationCreate, caller: Caller, uow: UoW) -> ResourcePublic:
    translation = await commands.translate_resource(uow, caller, resource_id, body.language, body.content())
    return ResourcePublic.of(translation)
