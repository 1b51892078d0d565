"""The library's repositories over asyncpg; SQL in resource_queries.py, arguments mapped by column name."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict
from uuid import UUID

import asyncpg

from knowledge.adapters import resource_queries as q
from knowledge.adapters import resource_rows as mapped
from knowledge.domain.library.organisations import KnownOrganisation
from knowledge.domain.library.resources import Resource, Revision
from knowledge.domain.library.search import SearchPage, SearchQuery


class PostgresResourceRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, resource: Resource) -> None:
        row = mapped.resource_row(resource)
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
        total, facets = mapped.counts(rows)
        corrected = None
        if words and total == 0:
            # Nothing has the words themselves: perhaps a typo, corrected to the nearest title word.
            corrected = await self._connection.fetchval(q.CORRECTED_WORDS, words)
            if corrected and corrected != words:
                rows = await self._connection.fetch(q.SEARCH, corrected, *arguments[1:])
                total, facets = mapped.counts(rows)
            else:
                corrected = None
        hits = tuple(mapped.hit(row) for row in rows if row["resource_id"] is not None)
        return SearchPage(hits=hits, total=total, facets=facets, corrected=corrected)

    async def search_generation(self) -> int:
        generation: int = await self._connection.fetchval(q.SEARCH_GENERATION)
        return generation

    async def _save_revisions(self, resource: Resource) -> None:
        revisions = [mapped.revision_row(resource.id, revision) for revision in resource.revisions]
        await self._connection.executemany(
            q.SAVE_REVISION, [[r[c] for c in q.REVISION_COLUMNS] for r in revisions]
        )
        published = resource.published
        if published is None:
            await self._connection.execute(q.DELETE_PUBLISHED, resource.id)
        else:
            row = mapped.published_row(resource, published)
            await self._connection.execute(q.SAVE_PUBLISHED, *(row[c] for c in q.PUBLISHED_COLUMNS))
            await self._connection.execute(q.ADD_TITLE_WORDS, published.content.title)

    async def _with_revisions(self, rows: Sequence[asyncpg.Record]) -> list[Resource]:
        revisions: dict[UUID, list[Revision]] = defaultdict(list)
        for revision in await self._connection.fetch(q.REVISIONS_OF, [row["id"] for row in rows]):
            revisions[revision["resource_id"]].append(mapped.revision(revision))
        return [mapped.resource(row, revisions[row["id"]]) for row in rows]


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
