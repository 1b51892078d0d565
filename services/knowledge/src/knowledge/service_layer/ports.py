"""What the knowledge use cases need from storage: written against these, not asyncpg."""

from typing import Protocol
from uuid import UUID

from cloth_shared.ports import UnitOfWorkPort
from knowledge.domain.people import Contributor


class ContributorRepository(Protocol):
    async def get(self, person_id: UUID) -> Contributor | None: ...

    async def remember(self, contributor: Contributor) -> None:
        """Store or replace; an older announcement never overwrites a newer one."""

    async def forget(self, person_id: UUID) -> None:
        """Delete everything held about the person."""


class KnowledgeUnitOfWork(UnitOfWorkPort, Protocol):
    contributors: ContributorRepository
