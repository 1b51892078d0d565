"""What the use cases need from storage, as ports: the adapters and the test fakes implement them.

Repositories take and return domain objects. `add` answers False where a uniqueness rule of
the store refused the row (a taken email, name or registration number), so the use case can
name the conflict; `save*` of a row that does not exist changes nothing.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol
from uuid import UUID

from cloth_shared.auth.principal import Principal, Role
from membership.domain.clients import Client
from membership.domain.clusters import Cluster
from membership.domain.email_verification import EmailVerification
from membership.domain.organisations import Organisation, Status
from membership.domain.people import Invitation, Person
from membership.domain.sessions import Session
from membership.domain.standing import Standing


class ClusterRepository(Protocol):
    async def exists(self, cluster_id: UUID) -> bool: ...

    async def get(self, cluster_id: UUID) -> Cluster | None: ...

    async def add(self, cluster: Cluster) -> bool:
        """False when the name or short name is taken."""
        ...

    async def list(self) -> list[Cluster]:
        """Every cluster, by name."""
        ...


class OrganisationRepository(Protocol):
    async def add(self, organisation: Organisation) -> bool:
        """False when the registration number is taken."""
        ...

    async def get(self, organisation_id: UUID, *, for_update: bool = False) -> Organisation | None:
        """`for_update` locks it until the transaction ends, so decisions on it are serialised."""
        ...

    async def save_status(self, organisation: Organisation) -> None:
        """Status, decision and version; the profile stays as stored."""
        ...

    async def save_profile(self, organisation: Organisation) -> None:
        """Profile and version; the status stays as stored."""
        ...

    async def applications(
        self, cluster_id: UUID, *, status: Status, limit: int, offset: int
    ) -> list[Organisation]:
        """A cluster's organisations in that status, oldest application first."""
        ...


class PersonRepository(Protocol):
    async def add(self, person: Person) -> bool:
        """False when the email is already signed up, whatever its case."""
        ...

    async def get(self, person_id: UUID, *, for_update: bool = False) -> Person | None: ...

    async def by_email(self, email: str) -> Person | None:
        """Whatever the case of the email."""
        ...

    async def save(self, person: Person) -> None:
        """Everything but when the person signed up."""
        ...

    async def of_organisation(self, organisation_id: UUID) -> list[Person]:
        """By display name."""
        ...

    async def forget_in_outbox(self, person_id: UUID) -> None:
        """Erasure: no personal field of theirs stays in events waiting in or kept by the outbox."""
        ...

    async def holders(self, role: Role, *, organisation_id: UUID | None = None) -> list[UUID]:
        """Who holds the role (in the organisation), locked until the transaction ends."""
        ...


class InvitationRepository(Protocol):
    async def add(self, invitation: Invitation) -> None: ...

    async def by_token_hash(self, token_hash: str) -> Invitation | None:
        """Locked until the transaction ends: an invitation is used once."""
        ...

    async def mark_accepted(self, invitation: Invitation) -> None: ...

    async def sent_by(self, person_id: UUID) -> list[Invitation]: ...

    async def forget_invitations_to(self, email: str) -> None:
        """Whatever the case of the email."""
        ...


class ClientRepository(Protocol):
    async def add(self, client: Client) -> None: ...

    async def get(self, client_id: UUID) -> Client | None:
        """Only a client that was not revoked."""
        ...


class LoginAttemptRepository(Protocol):
    async def lock(self, account_key: str) -> None:
        """Serialise attempts on one account until the transaction ends."""
        ...

    async def account_failures(self, account_key: str, *, since: datetime) -> list[tuple[datetime, str]]:
        """When and from which address the account's failures after `since` happened, oldest first."""
        ...

    async def address_failures(self, client_address: str, *, since: datetime) -> int: ...

    async def record(
        self, account_key: str, client_address: str, *, succeeded: bool, at: datetime
    ) -> None: ...

    async def prune(self, account_key: str, *, before: datetime, everything: bool = False) -> None:
        """Drop attempts older than the window; all of them after a success or an erasure."""
        ...

    async def purge(self, *, before: datetime) -> None:
        """Drop every account's attempts older than `before`: they no longer count."""
        ...


class SessionRepository(Protocol):
    async def add(self, session: Session) -> None: ...

    async def get(self, session_id: UUID) -> Session | None: ...

    async def by_refresh_token(self, token_hash: str) -> Session | None:
        """The session that had this refresh token, current or rotated away; locked."""
        ...

    async def save(self, session: Session) -> None:
        """Its current refresh token (remembered with the earlier ones) and its revocation."""
        ...

    async def revoke_all(self, person_id: UUID, *, at: datetime) -> None: ...

    async def purge(self, *, ended_before: datetime) -> None:
        """Forget sessions that expired or were revoked before then."""
        ...


class StandingRepository(Protocol):
    """A token holder's standing in one statement: alone, or with the organisation the request
    is about (one round trip where a check and a read were two)."""

    async def of(self, token: Principal) -> Standing: ...

    async def with_organisation(
        self, token: Principal, organisation_id: UUID, *, for_update: bool = False
    ) -> tuple[Standing, Organisation | None]:
        """`for_update` locks the organisation as `OrganisationRepository.get` does."""
        ...


@dataclass(frozen=True, slots=True)
class DirectoryFilter:
    """None means "no filter on this"; `text` is matched literally, case-insensitively."""

    country: str | None = None
    region: str | None = None
    category: str | None = None
    value_chain: str | None = None
    cluster_id: UUID | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class DirectoryPosition:
    """Where a directory page ended: the next page starts after this (name, id)."""

    legal_name: str
    id: UUID


# An entry of the directory: the organisation's public fields by name (domain.organisations
# PUBLIC_FIELDS), as stored. Pages go from the database to the answer without a domain object
# per entry: they are read only, and building one per row was most of the page's cost.
DirectoryEntryValues = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class DirectoryPage:
    items: list[DirectoryEntryValues]
    total: int  # how many match in all
    next: DirectoryPosition | None  # None on the last page


class Directory(Protocol):
    """The read side of active organisations: no transaction, no unit of work."""

    async def page(
        self,
        where: DirectoryFilter,
        *,
        limit: int,
        offset: int = 0,
        after: DirectoryPosition | None = None,
    ) -> DirectoryPage:
        """A page sorted by name then id: after `after` (keyset), else from `offset`."""
        ...

    async def all(self, where: DirectoryFilter, *, cap: int) -> list[Organisation]: ...

    async def counts(self) -> dict[str, dict[str, int]]:
        """Counted by country, region ("(none)" if unset), category, value chain and cluster."""
        ...


class EmailVerificationRepository(Protocol):
    async def add(self, verification: EmailVerification) -> None: ...

    async def by_token_hash(
        self, token_hash: str, *, for_update: bool = False
    ) -> EmailVerification | None: ...

    async def mark_used(self, verification: EmailVerification) -> None: ...

    async def is_verified(self, person_id: UUID, email: str) -> bool:
        """Whether a used verification of the person proves this address."""
        ...

    async def forget(self, person_id: UUID) -> None:
        """Every verification of the person, and their address events in the outbox (erasure)."""
        ...
