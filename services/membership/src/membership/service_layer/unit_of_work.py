"""The membership unit of work as a port: one transaction over these repositories, plus the outbox.

`membership.adapters.unit_of_work` implements it on PostgreSQL; the tests' fake in memory.
"""

from typing import Protocol

from cloth_shared.ports import UnitOfWorkPort
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


class MembershipUnitOfWork(UnitOfWorkPort, Protocol):
    clusters: ClusterRepository
    organisations: OrganisationRepository
    people: PersonRepository
    invitations: InvitationRepository
    clients: ClientRepository
    login_attempts: LoginAttemptRepository
    sessions: SessionRepository
    standing: StandingRepository
    email_verifications: EmailVerificationRepository
