"""What the knowledge use cases need from storage: written against these, not asyncpg."""

from typing import Protocol
from uuid import UUID

from cloth_shared.auth.revocation import RevocationUnitOfWork
from knowledge.domain.authors import Author
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


class AuthorRepository(Protocol):
    async def get(self, person_id: UUID, *, for_update: bool = False) -> Author | None: ...

    async def save(self, author: Author) -> None:
        """Insert or replace."""


class KnowledgeUnitOfWork(RevocationUnitOfWork, Protocol):
    authors: AuthorRepository
    courses: CourseRepository
    enrolments: EnrolmentRepository
    certificates: CertificateRepository
    regional_analyses: RegionalAnalysisRepository
    partnership_strategy: PartnershipStrategyRepository
    cluster_strategies: ClusterStrategyRepository
    certifications: CertificationRepository
    resources: ResourceRepository
    library_organisations: KnownOrganisationRepository
