"""The knowledge unit of work on PostgreSQL: repositories on one transaction, plus the outbox."""

import asyncpg

from cloth_shared.unit_of_work import UnitOfWork
from knowledge.adapters.repositories import PostgresAuthorRepository
from knowledge.service_layer.ports import AuthorRepository


class PostgresKnowledgeUnitOfWork(UnitOfWork):
    # Typed as the ports, so mypy checks the asyncpg repositories against them.
    authors: AuthorRepository

    def _bind(self, connection: asyncpg.Connection) -> None:
        self.authors = PostgresAuthorRepository(connection)
