"""Rows of the library tables ↔ domain values, each mapping spelled once, by column name."""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

from knowledge.domain.library.markdown import to_text
from knowledge.domain.library.resources import Content, Resource, Revision
from knowledge.domain.library.search import SearchHit
from knowledge.domain.library.vocabulary import Kind, Language, RevisionStatus


def resource_row(resource: Resource) -> dict[str, Any]:
    return {
        "id": resource.id,
        "group_id": resource.group_id,
        "kind": resource.kind.value,
        "language": resource.language.value,
        "author_organisation_id": resource.author_organisation_id,
        "created_at": resource.created_at,
        "archived_at": resource.archived_at,
        "source_key": resource.source_key,
    }


def resource(row: Mapping[str, Any], revisions: list[Revision]) -> Resource:
    return Resource(
        id=row["id"],
        group_id=row["group_id"],
        kind=Kind(row["kind"]),
        language=Language(row["language"]),
        author_organisation_id=row["author_organisation_id"],
        created_at=row["created_at"],
        revisions=tuple(revisions),
        archived_at=row["archived_at"],
        source_key=row["source_key"],
    )


def revision_row(resource_id: UUID, revision: Revision) -> dict[str, Any]:
    content = revision.content
    return {
        "resource_id": resource_id,
        "number": revision.number,
        "title": content.title,
        "summary": content.summary,
        "body": content.body,
        "tags": list(content.tags),
        "value_chains": list(content.value_chains),
        "regions": list(content.regions),
        "links": list(content.links),
        "status": revision.status.value,
        "written_by": revision.written_by,
        "written_at": revision.written_at,
        "comment": revision.comment,
        "decided_by": revision.decided_by,
        "decided_at": revision.decided_at,
    }


def revision(row: Mapping[str, Any]) -> Revision:
    content = Content(
        title=row["title"],
        summary=row["summary"],
        body=row["body"],
        tags=tuple(row["tags"]),
        value_chains=tuple(row["value_chains"]),
        regions=tuple(row["regions"]),
        links=tuple(row["links"]),
    )
    return Revision(
        number=row["number"],
        content=content,
        status=RevisionStatus(row["status"]),
        written_by=row["written_by"],
        written_at=row["written_at"],
        comment=row["comment"],
        decided_by=row["decided_by"],
        decided_at=row["decided_at"],
    )


def published_row(resource: Resource, revision: Revision) -> dict[str, Any]:
    content = revision.content
    assert revision.decided_at is not None, "a published revision was decided"
    return {
        "resource_id": resource.id,
        "group_id": resource.group_id,
        "kind": resource.kind.value,
        "language": resource.language.value,
        "author_organisation_id": resource.author_organisation_id,
        "revision": revision.number,
        "title": content.title,
        "summary": content.summary,
        "body_text": to_text(content.body),
        "tags": list(content.tags),
        "value_chains": list(content.value_chains),
        "regions": list(content.regions),
        "published_at": revision.decided_at,
    }


def counts(rows: Sequence[Mapping[str, Any]]) -> tuple[int, dict[str, dict[str, int]]]:
    """The total and the facet counts every row of a search carries (see resource_queries._search)."""
    total, facets = 0, defaultdict[str, dict[str, int]](dict)
    for facet, value, count in rows[0]["facets"]:
        if facet == "total":
            total = int(count)
        else:
            facets[facet][value] = int(count)
    return total, dict(facets)


def hit(row: Mapping[str, Any]) -> SearchHit:
    return SearchHit(
        resource_id=row["resource_id"],
        group_id=row["group_id"],
        kind=Kind(row["kind"]),
        language=Language(row["language"]),
        author_organisation_id=row["author_organisation_id"],
        title=row["title"],
        summary=row["summary"],
        tags=tuple(row["tags"]),
        value_chains=tuple(row["value_chains"]),
        regions=tuple(row["regions"]),
        published_at=row["published_at"],
        rank=float(row["rank"]),
        snippet=row["snippet"],
    )
