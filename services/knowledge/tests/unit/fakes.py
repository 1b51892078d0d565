"""The fake knowledge unit of work: repositories over an in-memory database."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Self
from uuid import UUID

from cloth_shared.auth.revocation import TokenValidityRepository
from cloth_shared.testing.fake_unit_of_work import FakeUnitOfWork
from cloth_shared.testing.revocation import FakeTokenValidity
from knowledge.domain.authors import Author
from knowledge.domain.library.organisations import KnownOrganisation
from knowledge.domain.library.resources import Resource
from knowledge.service_layer.ports import AuthorRepository
from knowledge.service_layer.resource_ports import KnownOrganisationRepository, ResourceRepository

from .fake_library import FakeKnownOrganisationRepository, FakeResourceRepository


@dataclass
class FakeKnowledgeDatabase:
    authors: dict[UUID, Author] = field(default_factory=dict)
    token_validity: dict[UUID, datetime] = field(default_factory=dict)
    resources: dict[UUID, Resource] = field(default_factory=dict)
    library_organisations: dict[UUID, KnownOrganisation] = field(default_factory=dict)

    def copy(self) -> Self:
        return type(self)(
            authors=dict(self.authors),
            token_validity=dict(self.token_validity),
            resources=dict(self.resources),
            library_organisations=dict(self.library_organisations),
        )


class FakeAuthorRepository:
    def __init__(self, database: FakeKnowledgeDatabase) -> None:
        self._authors = database.authors

    async def get(self, person_id: UUID, *, for_update: bool = False) -> Author | None:
        return self._authors.get(person_id)

    async def save(self, author: Author) -> None:
        self._authors[author.person_id] = author


class FakeKnowledgeUnitOfWork(FakeUnitOfWork[FakeKnowledgeDatabase]):
    authors: AuthorRepository  # the port: mypy checks the fake against it
    resources: ResourceRepository
    library_organisations: KnownOrganisationRepository
    token_validity: TokenValidityRepository

    def __init__(self, database: FakeKnowledgeDatabase | None = None) -> None:
        super().__init__(database or FakeKnowledgeDatabase())

    def _bind(self, work: FakeKnowledgeDatabase) -> None:
        self.token_validity = FakeTokenValidity(work.token_validity)
        self.authors = FakeAuthorRepository(work)
        self.resources = FakeResourceRepository(work.resources, work.library_organisations)
        self.library_organisations = FakeKnownOrganisationRepository(work.library_organisations)
