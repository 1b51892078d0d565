"""The fake membership unit of work: repositories over an in-memory database, rolled back unless committed."""

from types import TracebackType
from typing import Self

from cloth_shared.contracts.envelope import Event
from membership.service_layer.unit_of_work import MembershipUnitOfWork

from .fake_ports import FakeDirectory, FakePasswords, FakeTokens, fake_identity
from .fake_repositories import (
    FakeClientRepository,
    FakeClusterRepository,
    FakeDatabase,
    FakeInvitationRepository,
    FakeLoginAttemptRepository,
    FakeOrganisationRepository,
    FakePersonRepository,
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


class FakeMembershipUnitOfWork(MembershipUnitOfWork):
    """Works on a copy of `database`, swapped in on commit; events reach `events` only on commit.

    `committed` tells whether the last `async with` block committed; `events` is the outbox,
    every event committed since the fake was made.
    """

    def __init__(self, database: FakeDatabase | None = None) -> None:
        self.database = database or FakeDatabase()
        self.events: list[Event] = []
        self.committed = False
        self._work: FakeDatabase | None = None
        self._pending: list[Event] = []

    def emit(self, event: Event) -> None:
        assert self._work is not None, "emit inside an `async with` block"
        self._pending.append(event)

    async def __aenter__(self) -> Self:
        assert self._work is None, "a unit of work is not re-entrant"
        self._work = self.database.copy()
        self._pending = []
        self.committed = False
        self.clusters = FakeClusterRepository(self._work)
        self.organisations = FakeOrganisationRepository(self._work)
        self.people = FakePersonRepository(self._work)
        self.invitations = FakeInvitationRepository(self._work)
        self.clients = FakeClientRepository(self._work)
        self.login_attempts = FakeLoginAttemptRepository(self._work)
        return self

    async def commit(self) -> None:
        assert self._work is not None, "commit inside an `async with` block"
        self.database = self._work
        self.events.extend(self._pending)
        self.committed = True
        self._work, self._pending = None, []

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._work, self._pending = None, []  # not committed: the copy is dropped
