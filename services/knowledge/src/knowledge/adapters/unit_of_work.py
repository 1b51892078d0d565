"""The knowledge unit of work on PostgreSQL: repositories on one transaction, plus the outbox."""

import asyncpg

from cloth_shared.unit_of_work import UnitOfWork
from knowledge.adapters.repositories import PostgresContributorRepository
from knowledge.service_layer.ports import ContributorRepository


class PostgresKnowledgeUnitOfWork(UnitOfWork):
    # Typed as the ports, so mypy checks the asyncpg repositories against them.
    contributors: ContributorRepository

    def _bind(self, connection: asyncpg.Connection) -> None:
        self.contributors = PostgresContributorRepository(connection)
