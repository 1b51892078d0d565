"""The membership unit of work: repositories on one transaction, plus the outbox."""

import asyncpg

from cloth_shared.unit_of_work import UnitOfWork
from membership.adapters.people import (
    ClientRepository,
    InvitationRepository,
    LoginAttemptRepository,
    PersonRepository,
)
from membership.adapters.repositories import ClusterRepository, OrganisationRepository


class MembershipUnitOfWork(UnitOfWork):
    clusters: ClusterRepository
    organisations: OrganisationRepository
    people: PersonRepository
    invitations: InvitationRepository
    clients: ClientRepository
    login_attempts: LoginAttemptRepository

    def _bind(self, connection: asyncpg.Connection) -> None:
        self.clusters = ClusterRepository(connection)
        self.organisations = OrganisationRepository(connection)
        self.people = PersonRepository(connection)
        self.invitations = InvitationRepository(connection)
        self.clients = ClientRepository(connection)
        self.login_attempts = LoginAttemptRepository(connection)
