"""The fake membership unit of work: repositories over an in-memory database, rolled back unless committed.

Its repositories are typed as the service layer's ports, so mypy refuses a fake that misses a
method or gets a signature wrong (see `make typecheck`).
"""

from cloth_shared.testing.fake_unit_of_work import FakeUnitOfWork
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
from membership.service_layer.unit_of_work import MembershipUnitOfWork

from .fake_ports import FakeDirectory, FakePasswords, FakeTokens, fake_identity
from .fake_repositories import (
    FakeClientRepository,
    FakeClusterRepository,
    FakeDatabase,
    FakeEmailVerificationRepository,
    FakeInvitationRepository,
    FakeLoginAttemptRepository,
    FakeOrganisationRepository,
    FakePersonRepository,
    FakeSessionRepository,
    FakeStandingRepository,
    LoginAttempt,
)

__all__ = [
    "FakeDatabase",
    "FakeDirectory",
    "FakeMembershipUnitOfWork",
    "FakePasswords",
    "FakeTokens",
    "LoginAttempt",
    "fake_identity",
]


class FakeMembershipUnitOfWork(FakeUnitOfWork[FakeDatabase]):
    """Works on a copy of `database`, swapped in on commit; events reach `events` only on commit."""

    clusters: ClusterRepository
    organisations: OrganisationRepository
    people: PersonRepository
    invitations: InvitationRepository
    clients: ClientRepository
    login_attempts: LoginAttemptRepository
    sessions: SessionRepository
    standing: StandingRepository
    email_verifications: EmailVerificationRepository

    def __init__(self, database: FakeDatabase | None = None) -> None:
        super().__init__(database or FakeDatabase())

    def _bind(self, work: FakeDatabase) -> None:
        self.clusters = FakeClusterRepository(work)
        self.organisations = FakeOrganisationRepository(work)
        self.people = FakePersonRepository(work)
        self.invitations = FakeInvitationRepository(work)
        self.clients = FakeClientRepository(work)
        self.login_attempts = FakeLoginAttemptRepository(work)
        self.sessions = FakeSessionRepository(work)
        self.standing = FakeStandingRepository(work)
        self.email_verifications = FakeEmailVerificationRepository(work)


def _keeps_the_port(uow: FakeMembershipUnitOfWork) -> MembershipUnitOfWork:
    return uow  # checked by mypy only: the fake is a MembershipUnitOfWork
