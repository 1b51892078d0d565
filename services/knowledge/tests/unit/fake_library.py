"""Fake library repositories over the in-memory knowledge database (see fakes.py)."""

from collections import Counter
from collections.abc import Sequence
from uuid import UUID

from knowledge.domain.library.organisations import KnownOrganisation
from knowledge.domain.library.resources import Resource
from knowledge.domain.library.search import FACET_VALUES, SearchHit, SearchPage, SearchQuery
from knowledge.domain.library.vocabulary import RevisionStatus


class FakeResourceRepository:
    """Search here matches words by prefix, without stemming: enough for use-case tests; the
    real multilingual search is proven on PostgreSQL."""

    def __init__(self, resources: dict[UUID, Resource], organisations: dict[UUID, KnownOrganisation]) -> None:
        self._resources = resources
        self._organisations = organisations

    async def add(self, resource: Resource) -> None:
        if resource.source_key and await self.by_source_key(resource.source_key):
            raise AssertionError("source_key is unique")
        self._resources[resource.id] = resource

    async def get(self, resource_id: UUID, *, for_update: bool = False) -> Resource | None:
        return self._resources.get(resource_id)

    async def save(self, resource: Resource) -> None:
        self._resources[resource.id] = resource

    async def by_source_key(self, source_key: str) -> Resource | None:
        return next((r for r in self._resources.values() if r.source_key == source_key), None)

    async def translations(self, group_id: UUID) -> Sequence[Resource]:
        return sorted(
            (r for r in self._resources.values() if r.group_id == group_id), key=lambda r: r.language
        )

    async def submitted(self, *, cluster_id: UUID | None, limit: int, offset: int) -> Sequence[Resource]:
        def of_cluster(r: Resource) -> bool:
            known = self._organisations.get(r.author_organisation_id)
            return cluster_id is None or (known is not None and known.cluster_id == cluster_id)

        waiting = [
            r
            for r in self._resources.values()
            if r.latest.status is RevisionStatus.SUBMITTED and r.archived_at is None and of_cluster(r)
        ]
        return sorted(waiting, key=lambda r: (r.created_at, r.id))[offset : offset + limit]

    async def of_organisation(self, organisation_id: UUID, *, limit: int, offset: int) -> Sequence[Resource]:
        mine = [r for r in self._resources.values() if r.author_organisation_id == organisation_id]
        return sorted(mine, key=lambda r: (-r.created_at.timestamp(), r.id))[offset : offset + limit]

    async def search_generation(self) -> int:
        # What search reads, fingerprinted: any publication, new revision or archiving changes it.
        return hash(frozenset((r.id, r.published.number) for r in self._resources.values() if r.published))

    async def search(self, query: SearchQuery) -> SearchPage:
        hits = [hit for r in self._resources.values() if (hit := _hit(r, query)) is not None]
        hits.sort(key=lambda h: (-h.rank, h.resource_id))
        facets: dict[str, Counter[str]] = {name: Counter() for name in ("kind", "language", "tag")}
        for hit in hits:
            facets["kind"][hit.kind.value] += 1
            facets["language"][hit.language.value] += 1
            facets["tag"].update(hit.tags)
        return SearchPage(
            hits=tuple(hits[query.offset : query.offset + query.limit]),
            total=len(hits),
            facets={
                name: dict(counts.most_common(FACET_VALUES)) for name, counts in facets.items() if counts
            },
        )


def _hit(resource: Resource, query: SearchQuery) -> SearchHit | None:
    published = resource.published
    if published is None:
        return None
    content = published.content
    words = (query.text or "").lower().split()
    text = f"{content.title} {content.summary} {content.body}".lower().split()
    rank = sum(1.0 for word in words for written in text if written.startswith(word))
    wanted = (
        (not words or rank > 0)
        and query.kind in (None, resource.kind)
        and query.language in (None, resource.language)
        and query.tag in (None, *content.tags)
        and query.value_chain in (None, *content.value_chains)
        and query.region in (None, *content.regions)
        and query.author_organisation_id in (None, resource.author_organisation_id)
    )
    if not wanted:
        return None
    assert published.decided_at is not None
    return SearchHit(
        resource_id=resource.id,
        group_id=resource.group_id,
        kind=resource.kind,
        language=resource.language,
        author_organisation_id=resource.author_organisation_id,
        title=content.title,
        summary=content.summary,
        tags=content.tags,
        value_chains=content.value_chains,
        regions=content.regions,
        published_at=published.decided_at,
        rank=rank,
    )


class FakeKnownOrganisationRepository:
    def __init__(self, organisations: dict[UUID, KnownOrganisation]) -> None:
        self._organisations = organisations

    async def get(self, organisation_id: UUID) -> KnownOrganisation | None:
        return self._organisations.get(organisation_id)

    async def save(self, organisation: KnownOrganisation) -> None:
        self._organisations[organisation.organisation_id] = organisation
