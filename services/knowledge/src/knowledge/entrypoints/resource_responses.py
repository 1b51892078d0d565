"""What the library's HTTP API answers: resources, revisions, translations, search pages."""

from datetime import datetime
from typing import Self
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from knowledge.domain.library.markdown import to_html
from knowledge.domain.library.resources import Resource, Revision
from knowledge.domain.library.search import SearchHit, SearchPage, snippet_html
from knowledge.domain.library.vocabulary import Kind, Language, RevisionStatus
from knowledge.service_layer.resource_reads import ResourceView


class RevisionSummary(BaseModel):
    number: int
    status: RevisionStatus
    title: str
    written_at: datetime
    comment: str | None = Field(description="The moderator's comment when sent back.")
    decided_at: datetime | None

    @classmethod
    def of(cls, revision: Revision) -> Self:
        return cls(
            number=revision.number,
            status=revision.status,
            title=revision.content.title,
            written_at=revision.written_at,
            comment=revision.comment,
            decided_at=revision.decided_at,
        )


class RevisionPublic(RevisionSummary):
    summary: str
    body: str = Field(description="The Markdown source.")
    body_html: str = Field(description="The body rendered and sanitised: safe to show as it is.")
    tags: list[str]
    value_chains: list[str]
    regions: list[str]
    links: list[str]

    @classmethod
    def of(cls, revision: Revision) -> Self:
        content = revision.content
        return cls(
            **RevisionSummary.of(revision).model_dump(),
            summary=content.summary,
            body=content.body,
            body_html=to_html(content.body),
            tags=list(content.tags),
            value_chains=list(content.value_chains),
            regions=list(content.regions),
            links=list(content.links),
        )


class ResourcePublic(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
                    "group_id": "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
                    "kind": "guide",
                    "language": "es",
                    "author_organisation_id": "0e2b5a4c-8f3d-4a61-b2c7-5d9e1f3a7b02",
                    "status": "published",
                    "revision": 1,
                    "title": "Moda sostenible: guía de ecodiseño",
                    "summary": "Cómo diseñar prendas sostenibles desde el primer boceto.",
                    "body_html": "<h2>Materiales</h2>\n<p>Elige fibras <strong>recicladas</strong>.</p>",
                    "tags": ["ecodiseño"],
                    "value_chains": ["apparel"],
                    "regions": ["ES51"],
                    "links": ["https://example.org/ecodesign"],
                    "published_at": "2026-11-30T12:00:00Z",
                    "latest_revision": None,
                }
            ]
        }
    )

    id: UUID
    group_id: UUID = Field(description="Translation group: GET /resources/{id}/translations lists it.")
    kind: Kind
    language: Language
    author_organisation_id: UUID
    status: str = Field(description="archived, or the status of the revision shown.")
    revision: int = Field(description="The revision shown: the published one if any, else the latest.")
    title: str
    summary: str
    body_html: str = Field(
        description="The body rendered from Markdown and sanitised: safe to show as it is."
    )
    tags: list[str]
    value_chains: list[str]
    regions: list[str]
    links: list[str]
    published_at: datetime | None
    latest_revision: RevisionSummary | None = Field(
        description="For its authors and moderators: the revision in work (may differ from the one shown)."
    )

    @classmethod
    def of(cls, resource: Resource, shown: Revision | None = None, *, everything: bool = True) -> Self:
        shown = shown or resource.published or resource.latest
        content = shown.content
        published = resource.published
        return cls(
            id=resource.id,
            group_id=resource.group_id,
            kind=resource.kind,
            language=resource.language,
            author_organisation_id=resource.author_organisation_id,
            status="archived" if resource.archived_at else shown.status.value,
            revision=shown.number,
            title=content.title,
            summary=content.summary,
            body_html=to_html(content.body),
            tags=list(content.tags),
            value_chains=list(content.value_chains),
            regions=list(content.regions),
            links=list(content.links),
            published_at=published.decided_at if published else None,
            latest_revision=RevisionSummary.of(resource.latest) if everything else None,
        )

    @classmethod
    def of_view(cls, view: ResourceView) -> Self:
        return cls.of(view.resource, view.shown, everything=view.sees_every_revision)


class RevisionsPublic(BaseModel):
    resource_id: UUID
    revisions: list[RevisionSummary] = Field(description="Oldest first.")


class TranslationPublic(BaseModel):
    resource_id: UUID
    language: Language
    title: str
    status: str

    @classmethod
    def of(cls, view: ResourceView) -> Self:
        resource = view.resource
        status = "archived" if resource.archived_at else view.shown.status.value
        return cls(
            resource_id=resource.id, language=resource.language, title=view.shown.content.title, status=status
        )


class SearchHitPublic(BaseModel):
    resource_id: UUID
    group_id: UUID
    kind: Kind
    language: Language
    author_organisation_id: UUID
    title: str
    summary: str
    tags: list[str]
    value_chains: list[str]
    regions: list[str]
    published_at: datetime
    rank: float
    snippet_html: str | None = Field(description="A passage of the body, matched words in <mark>; escaped.")

    @classmethod
    def of(cls, hit: SearchHit) -> Self:
        return cls(
            resource_id=hit.resource_id,
            group_id=hit.group_id,
            kind=hit.kind,
            language=hit.language,
            author_organisation_id=hit.author_organisation_id,
            title=hit.title,
            summary=hit.summary,
            tags=list(hit.tags),
            value_chains=list(hit.value_chains),
            regions=list(hit.regions),
            published_at=hit.published_at,
            rank=hit.rank,
            snippet_html=None if hit.snippet is None else snippet_html(hit.snippet),
        )


class SearchPagePublic(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "total": 1,
                    "limit": 20,
                    "offset": 0,
                    "hits": [],
                    "facets": {"kind": {"guide": 1}, "language": {"es": 1}, "tag": {"ecodiseño": 1}},
                }
            ]
        }
    )

    total: int = Field(description="Every published resource that matches.")
    limit: int
    offset: int
    hits: list[SearchHitPublic] = Field(description="Best first, then by resource id: a stable order.")
    corrected_query: str | None = Field(
        default=None, description="When the words typed found nothing: the title words searched instead."
    )
    facets: dict[str, dict[str, int]] = Field(
        description="For each filter (kind, language, value_chain, region, tag, author_organisation_id), "
        "the matches per value, most frequent first (at most 20 values)."
    )

    @classmethod
    def of(cls, page: SearchPage, *, limit: int, offset: int) -> Self:
        hits = [SearchHitPublic.of(hit) for hit in page.hits]
        return cls(
            total=page.total,
            limit=limit,
            offset=offset,
            hits=hits,
            facets=page.facets,
            corrected_query=page.corrected,
        )
