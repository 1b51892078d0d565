"""The fake knowledge unit of work: repositories over an in-memory database."""

from dataclasses import dataclass, field
from typing import Self
from uuid import UUID

from cloth_shared.testing.fake_unit_of_work import FakeUnitOfWork
from knowledge.domain.people import Contributor
from knowledge.service_layer.ports import ContributorRepository


@dataclass
class FakeKnowledgeDatabase:
    contributors: dict[UUID, Contributor] = field(default_factory=dict)

    def copy(self) -> Self:
        return type(self)(contributors=dict(self.contributors))


class FakeContributorRepository:
    def __init__(self, database: FakeKnowledgeDatabase) -> None:
        self._contributors = database.contributors

    async def get(self, person_id: UUID) -> Contributor | None:
        return self._contributors.get(person_id)

    async def remember(self, contributor: Contributor) -> None:
        known = self._contributors.get(contributor.person_id)
        if known is None or known.updated_at <= contributor.updated_at:
            self._contributors[contributor.person_id] = contributor

    async def forget(self, person_id: UUID) -> None:
        self._contributors.pop(person_id, None)


class FakeKnowledgeUnitOfWork(FakeUnitOfWork[FakeKnowledgeDatabase]):
    contributors: ContributorRepository  # the port: mypy checks the fake against it

    def __init__(self, database: FakeKnowledgeDatabase | None = None) -> None:
        super().__init__(database or FakeKnowledgeDatabase())

    def _bind(self, work: FakeKnowledgeDatabase) -> None:
        self.contributors = FakeContributorRepository(work)
