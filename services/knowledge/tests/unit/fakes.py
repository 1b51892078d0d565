"""The fake knowledge unit of work: repositories over an in-memory database."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Self
from uuid import UUID

from cloth_shared.auth.revocation import TokenValidityRepository
from cloth_shared.testing.fake_unit_of_work import FakeUnitOfWork
from cloth_shared.testing.revocation import FakeTokenValidity
from knowledge.domain.analyses import RegionalAnalysis
from knowledge.domain.authors import Author
from knowledge.domain.cluster_strategies import ClusterStrategy
from knowledge.domain.excellence_labels import Certification
from knowledge.domain.library.organisations import KnownOrganisation
from knowledge.domain.library.resources import Resource
from knowledge.domain.roadmap import StrategyVersion
from knowledge.service_layer.ports import AuthorRepository
from knowledge.service_layer.resource_ports import KnownOrganisationRepository, ResourceRepository
from knowledge.service_layer.roadmap_ports import (
    CertificationRepository,
    ClusterStrategyRepository,
    PartnershipStrategyRepository,
    RegionalAnalysisRepository,
)
from knowledge.service_layer.training_ports import (
    CertificateRepository,
    CourseRepository,
    EnrolmentRepository,
)

from .fake_library import FakeKnownOrganisationRepository, FakeResourceRepository
from .fake_roadmap import (
    FakeCertificationRepository,
    FakeClusterStrategyRepository,
    FakePartnershipStrategyRepository,
    FakeRegionalAnalysisRepository,
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
    regional_analyses: dict[tuple[str, int], RegionalAnalysis] = field(default_factory=dict)
    strategy_versions: dict[int, StrategyVersion] = field(default_factory=dict)
    cluster_strategies: dict[UUID, ClusterStrategy] = field(default_factory=dict)
    certifications: dict[UUID, Certification] = field(default_factory=dict)
    resources: dict[UUID, Resource] = field(default_factory=dict)
    library_organisations: dict[UUID, KnownOrganisation] = field(default_factory=dict)

    def copy(self) -> Self:
        return type(self)(
            authors=dict(self.authors),
            token_validity=dict(self.token_validity),
            training=self.training.copy(),
            regional_analyses=dict(self.regional_analyses),
            strategy_versions=dict(self.strategy_versions),
            cluster_strategies=dict(self.cluster_strategies),
            certifications=dict(self.certifications),
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
    courses: CourseRepository
    enrolments: EnrolmentRepository
    certificates: CertificateRepository
    resources: ResourceRepository
    library_organisations: KnownOrganisationRepository
    token_validity: TokenValidityRepository
    regional_analyses: RegionalAnalysisRepository
    partnership_strategy: PartnershipStrategyRepository
    cluster_strategies: ClusterStrategyRepository
    certifications: CertificationRepository

    def __init__(self, database: FakeKnowledgeDatabase | None = None) -> None:
        super().__init__(database or FakeKnowledgeDatabase())

    def _bind(self, work: FakeKnowledgeDatabase) -> None:
        self.token_validity = FakeTokenValidity(work.token_validity)
        self.authors = FakeAuthorRepository(work)
        self.courses = FakeCourseRepository(work.training)
        self.enrolments = FakeEnrolmentRepository(work.training)
        self.certificates = FakeCertificateRepository(work.training)
        self.regional_analyses = FakeRegionalAnalysisRepository(work.regional_analyses)
        self.partnership_strategy = FakePartnershipStrategyRepository(work.strategy_versions)
        self.cluster_strategies = FakeClusterStrategyRepository(work.cluster_strategies)
        self.certifications = FakeCertificationRepository(work.certifications)
        self.resources = FakeResourceRepository(work.resources, work.library_organisations)
        self.library_organisations = FakeKnownOrganisationRepository(work.library_organisations)
