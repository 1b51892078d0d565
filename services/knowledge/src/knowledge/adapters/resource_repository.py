"""The library's repositories over asyncpg; SQL in resource_queries.py, arguments mapped by column name."""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any
from uuid import UUID

import asyncpg

from knowledge.adapters import resource_queries as q
from knowledge.domain.library.markdown import to_text
from knowledge.domain.library.organisations import KnownOrganisation
from knowledge.domain.library.resources import Content, Resource, Revision
from knowledge.domain.library.search import SearchHit, SearchPage, SearchQuery
from knowledge.domain.library.vocabulary import Kind, Language, RevisionStatus


class PostgresResourceRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, resource: Resource) -> None:
        row = _resource_row(resource)
        await self._connection.execute(
            q.INSERT_RESOURCE, *(row[c] for c in q.RESOURCE_COLUMNS), resource.latest.status.value
        )
        await self._save_revisions(resource)

    async def get(self, resource_id: UUID, *, for_update: bool = False) -> Resource | None:
        row = await self._connection.fetchrow(
            q.GET_RESOURCE_FOR_UPDATE if for_update else q.GET_RESOURCE, resource_id
        )
        return None if row is None else (await self._with_revisions([row]))[0]

    async def save(self, resource: Resource) -> None:
        await self._connection.execute(
            q.UPDATE_RESOURCE, resource.id, resource.archived_at, resource.latest.status.value
        )
        await self._save_revisions(resource)

    async def by_source_key(self, source_key: str) -> Resource | None:
        row = await self._connection.fetchrow(q.RESOURCE_BY_SOURCE_KEY, source_key)
        return None if row is None else (await self._with_revisions([row]))[0]

    async def translations(self, group_id: UUID) -> Sequence[Resource]:
        return await self._with_revisions(await self._connection.fetch(q.TRANSLATIONS, group_id))

    async def submitted(self, *, cluster_id: UUID | None, limit: int, offset: int) -> Sequence[Resource]:
        rows = await self._connection.fetch(q.WAITING_FOR_MODERATION, cluster_id, limit, offset)
        return await self._with_revisions(rows)

    async def of_organisation(self, organisation_id: UUID, *, limit: int, offset: int) -> Sequence[Resource]:
        rows = await self._connection.fetch(q.OF_ORGANISATION, organisation_id, limit, offset)
        return await self._with_revisions(rows)

    async def search(self, query: SearchQuery) -> SearchPage:
        words = query.text.strip() if query.text and query.text.strip() else None
        arguments = (
            words,
            query.kind and query.kind.value,
            query.language and query.language.value,
            query.value_chain,
            query.region,
            query.tag,
            query.author_organisation_id,
            query.limit,
            query.offset,
        )
        rows = await self._connection.fetch(q.SEARCH if words else q.BROWSE, *arguments)
        total, facets = _counts(rows)
        corrected = None
        if words and total == 0:
            # Nothing has the words themselves: perhaps a typo, corrected to the nearest title word.
            corrected = await self._connection.fetchval(q.CORRECTED_WORDS, words)
            if corrected and corrected != words:
                rows = await self._connection.fetch(q.SEARCH, corrected, *arguments[1:])
                total, facets = _counts(rows)
            else:
                corrected = None
        hits = tuple(_hit(row) for row in rows if row["resource_id"] is not None)
        return SearchPage(hits=hits, total=total, facets=facets, corrected=corrected)

    async def _save_revisions(self, resource: Resource) -> None:
        rows = [_revision_row(resource.id, revision) for revision in resource.revisions]
        await self._connection.executemany(
            q.SAVE_REVISION, [[r[c] for c in q.REVISION_COLUMNS] for r in rows]
        )
        published = resource.published
        if published is None:
            await self._connection.execute(q.DELETE_PUBLISHED, resource.id)
        else:
            row = _published_row(resource, published)
            await self._connection.execute(q.SAVE_PUBLISHED, *(row[c] for c in q.PUBLISHED_COLUMNS))
            await self._connection.execute(q.ADD_TITLE_WORDS, published.content.title)

    async def _with_revisions(self, rows: Sequence[asyncpg.Record]) -> list[Resource]:
        revisions: dict[UUID, list[Revision]] = defaultdict(list)
        for revision in await self._connection.fetch(q.REVISIONS_OF, [row["id"] for row in rows]):
            revisions[revision["resource_id"]].append(_revision(revision))
        return [_resource(row, revisions[row["id"]]) for row in rows]


class PostgresKnownOrganisationRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def get(self, organisation_id: UUID) -> KnownOrganisation | None:
        row = await self._connection.fetchrow(q.GET_KNOWN_ORGANISATION, organisation_id)
        return None if row is None else KnownOrganisation(**dict(row))

    async def save(self, organisation: KnownOrganisation) -> None:
        values = asdict(organisation)
        await self._connection.execute(
            q.SAVE_KNOWN_ORGANISATION, *(values[c] for c in q.KNOWN_ORGANISATION_COLUMNS)
        )


def _resource_row(resource: Resource) -> dict[str, Any]:
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


def _resource(row: Mapping[str, Any], revisions: list[Revision]) -> Resource:
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


def _revision_row(resource_id: UUID, revision: Revision) -> dict[str, Any]:
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


def _revision(row: Mapping[str, Any]) -> Revision:
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


def _published_row(resource: Resource, revision: Revision) -> dict[str, Any]:
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


def _counts(rows: Sequence[Mapping[str, Any]]) -> tuple[int, dict[str, dict[str, int]]]:
    """The total and the facet counts every row of a search carries (see resource_queries._search)."""
    total, facets = 0, defaultdict[str, dict[str, int]](dict)
    for facet, value, count in rows[0]["facets"]:
        if facet == "total":
            total = int(count)
        else:
            facets[facet][value] = int(count)
    return total, dict(facets)


def _hit(row: Mapping[str, Any]) -> SearchHit:
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
