"""What the library's use cases need from storage (bound on the knowledge unit of work)."""

from collections.abc import Sequence
from typing import Protocol
from uuid import UUID

from knowledge.domain.library.organisations import KnownOrganisation
from knowledge.domain.library.resources import Resource
from knowledge.domain.library.search import SearchPage, SearchQuery


class ResourceRepository(Protocol):
    async def add(self, resource: Resource) -> None: ...

    async def get(self, resource_id: UUID, *, for_update: bool = False) -> Resource | None:
        """With every revision, oldest first."""
        ...

    async def save(self, resource: Resource) -> None:
        """Store the new state: revisions (new ones added, changed ones replaced), archiving,
        and what the search reads: the published revision, or nothing once none is."""

    async def by_source_key(self, source_key: str) -> Resource | None: ...

    async def translations(self, group_id: UUID) -> Sequence[Resource]:
        """Every resource of the translation group, by language."""
        ...

    async def submitted(self, *, cluster_id: UUID | None, limit: int, offset: int) -> Sequence[Resource]:
        """Resources waiting for moderation (of the cluster's organisations; all when None),
        longest waiting first."""
        ...

    async def of_organisation(self, organisation_id: UUID, *, limit: int, offset: int) -> Sequence[Resource]:
        """Every resource of the organisation, whatever its state, newest first."""
        ...

    async def search(self, query: SearchQuery) -> SearchPage:
        """Published resources only, ranked, with facet counts over every match."""
        ...

    async def search_generation(self) -> int:
        """A number that changes whenever anything search reads changes (never goes back)."""
        ...


class KnownOrganisationRepository(Protocol):
    async def get(self, organisation_id: UUID) -> KnownOrganisation | None: ...

    async def save(self, organisation: KnownOrganisation) -> None:
        """Insert or replace."""
