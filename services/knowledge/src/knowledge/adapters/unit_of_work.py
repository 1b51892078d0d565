"""The knowledge unit of work on PostgreSQL: repositories on one transaction, plus the outbox."""

import asyncpg

from cloth_shared.auth.revocation import TokenValidityRepository
from cloth_shared.auth.revocation.postgres import PostgresTokenValidity
from cloth_shared.unit_of_work import UnitOfWork
from knowledge.adapters.repositories import PostgresAuthorRepository
from knowledge.adapters.resource_repository import (
    PostgresKnownOrganisationRepository,
    PostgresResourceRepository,
)
from knowledge.adapters.roadmap_repositories import (
    PostgresCertificationRepository,
    PostgresClusterStrategyRepository,
    PostgresPartnershipStrategyRepository,
    PostgresRegionalAnalysisRepository,
)
from knowledge.adapters.training_repository import (
    PostgresCertificateRepository,
    PostgresCourseRepository,
    PostgresEnrolmentRepository,
)
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


class PostgresKnowledgeUnitOfWork(UnitOfWork):
    # Typed as the ports, so mypy checks the asyncpg repositories against them.
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

    token_validity: TokenValidityRepository

    def _bind(self, connection: asyncpg.Connection) -> None:
        self.token_validity = PostgresTokenValidity(connection)
        self.authors = PostgresAuthorRepository(connection)
        self.courses = PostgresCourseRepository(connection)
        self.enrolments = PostgresEnrolmentRepository(connection)
        self.certificates = PostgresCertificateRepository(connection)
        self.regional_analyses = PostgresRegionalAnalysisRepository(connection)
        self.partnership_strategy = PostgresPartnershipStrategyRepository(connection)
        self.cluster_strategies = PostgresClusterStrategyRepository(connection)
        self.certifications = PostgresCertificationRepository(connection)
        self.resources = PostgresResourceRepository(connection)
        self.library_organisations = PostgresKnownOrganisationRepository(connection)
