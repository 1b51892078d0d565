"""The membership unit of work: repositories on one transaction, plus the outbox."""

import asyncpg

from cloth_shared.unit_of_work import UnitOfWork
from membership.adapters.repositories import ClusterRepository, OrganisationRepository


class MembershipUnitOfWork(UnitOfWork):
    clusters: ClusterRepository
    organisations: OrganisationRepository

    def _bind(self, connection: asyncpg.Connection) -> None:
        self.clusters = ClusterRepository(connection)
        self.organisations = OrganisationRepository(connection)
