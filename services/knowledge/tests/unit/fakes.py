"""The fake knowledge unit of work: repositories over an in-memory database."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Self
from uuid import UUID

from cloth_shared.auth.revocation import TokenValidityRepository
from cloth_shared.testing.fake_unit_of_work import FakeUnitOfWork
from cloth_shared.testing.revocation import FakeTokenValidity
from knowledge.domain.authors import Author
from knowledge.service_layer.ports import AuthorRepository
from knowledge.service_layer.training_ports import (
    CertificateRepository,
    CourseRepository,
    EnrolmentRepository,
)

from .fake_training import (
    FakeCertificateRepository,
    FakeCourseRepository,
    FakeEnrolmentRepository,
    TrainingTables,
)


@dataclass
class FakeKnowledgeDatabase:
    authors: dict[UUID, Author] = field(default_factory=dict)
    token_validity: dict[UUID, datetime] = field(default_factory=dict)
    training: TrainingTables = field(default_factory=TrainingTables)

    def copy(self) -> Self:
        return type(self)(
            authors=dict(self.authors),
            token_validity=dict(self.token_validity),
            training=self.training.copy(),
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
    courses: CourseRepository
    enrolments: EnrolmentRepository
    certificates: CertificateRepository
    token_validity: TokenValidityRepository

    def __init__(self, database: FakeKnowledgeDatabase | None = None) -> None:
        super().__init__(database or FakeKnowledgeDatabase())

    def _bind(self, work: FakeKnowledgeDatabase) -> None:
        self.token_validity = FakeTokenValidity(work.token_validity)
        self.authors = FakeAuthorRepository(work)
        self.courses = FakeCourseRepository(work.training)
        self.enrolments = FakeEnrolmentRepository(work.training)
        self.certificates = FakeCertificateRepository(work.training)
