"""The membership unit of work on PostgreSQL: its repositories share the transaction's connection."""

import asyncpg

from cloth_shared.unit_of_work import UnitOfWork
from membership.adapters.email_verifications import PostgresEmailVerificationRepository
from membership.adapters.people import (
    PostgresClientRepository,
    PostgresInvitationRepository,
    PostgresLoginAttemptRepository,
    PostgresPersonRepository,
)
from membership.adapters.repositories import PostgresClusterRepository, PostgresOrganisationRepository
from membership.adapters.sessions import PostgresSessionRepository
from membership.adapters.standing import PostgresStandingRepository
from membership.service_layer.repositories import (
    ClientRepository,
    ClusterRepository,
    EmailVerificationRepository,
    InvitationRepository,
    LoginAttemptRepository,
    OrganisationRepository,
    PersonRepository,
    SessionRepository,
    StandingRepository,
)


class PostgresMembershipUnitOfWork(UnitOfWork):
    # Typed as the ports, so mypy checks each adapter against the port it is bound to.
    clusters: ClusterRepository
    organisations: OrganisationRepository
    people: PersonRepository
    invitations: InvitationRepository
    clients: ClientRepository
    login_attempts: LoginAttemptRepository
    sessions: SessionRepository
    standing: StandingRepository
    email_verifications: EmailVerificationRepository

    def _bind(self, connection: asyncpg.Connection) -> None:
        self.clusters = PostgresClusterRepository(connection)
        self.organisations = PostgresOrganisationRepository(connection)
        self.people = PostgresPersonRepository(connection)
        self.invitations = PostgresInvitationRepository(connection)
        self.clients = PostgresClientRepository(connection)
        self.login_attempts = PostgresLoginAttemptRepository(connection)
        self.sessions = PostgresSessionRepository(connection)
        self.standing = PostgresStandingRepository(connection)
        self.email_verifications = PostgresEmailVerificationRepository(connection)
