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
from knowledge.service_layer.ports import AuthorRepository
from knowledge.service_layer.resource_ports import KnownOrganisationRepository, ResourceRepository


class PostgresKnowledgeUnitOfWork(UnitOfWork):
    # Typed as the ports, so mypy checks the asyncpg repositories against them.
    authors: AuthorRepository
    resources: ResourceRepository
    library_organisations: KnownOrganisationRepository

    token_validity: TokenValidityRepository

    def _bind(self, connection: asyncpg.Connection) -> None:
        self.token_validity = PostgresTokenValidity(connection)
        self.authors = PostgresAuthorRepository(connection)
        self.resources = PostgresResourceRepository(connection)
        self.library_organisations = PostgresKnownOrganisationRepository(connection)
