"""In-memory fakes of the membership repositories, over one fake database.

Each fake implements a port of `membership.service_layer.repositories` with domain objects in
plain dicts; the fake unit of work types them as those ports, so mypy finds a missing method.
`tests/integration/test_repository_contracts.py` runs the same cases on these and on PostgreSQL.
"""

from dataclasses import dataclass, field, replace
from datetime import datetime
from uuid import UUID

from cloth_shared.auth.principal import Principal, Role
from membership.domain.clients import Client
from membership.domain.clusters import Cluster
from membership.domain.email_verification import EmailVerification
from membership.domain.organisations import Organisation, Status
from membership.domain.people import Invitation, Person
from membership.domain.sessions import Session
from membership.domain.standing import Standing


@dataclass(frozen=True, slots=True)
class LoginAttempt:
    account_key: str
    client_address: str
    succeeded: bool
    at: datetime


@dataclass
class FakeDatabase:
    """What the membership database holds. Domain objects are frozen, so a shallow copy isolates."""

    clusters: dict[UUID, Cluster] = field(default_factory=dict)
    organisations: dict[UUID, Organisation] = field(default_factory=dict)
    people: dict[UUID, Person] = field(default_factory=dict)
    invitations: dict[UUID, Invitation] = field(default_factory=dict)
    clients: dict[UUID, Client] = field(default_factory=dict)
    login_attempts: list[LoginAttempt] = field(default_factory=list)
    sessions: dict[UUID, Session] = field(default_factory=dict)
    forgotten_in_outbox: set[UUID] = field(default_factory=set)
    refresh_tokens: dict[str, UUID] = field(default_factory=dict)
    email_verifications: dict[str, EmailVerification] = field(default_factory=dict)

    def copy(self) -> "FakeDatabase":
        return FakeDatabase(
            clusters=dict(self.clusters),
            organisations=dict(self.organisations),
            people=dict(self.people),
            invitations=dict(self.invitations),
            clients=dict(self.clients),
            login_attempts=list(self.login_attempts),
            sessions=dict(self.sessions),
            refresh_tokens=dict(self.refresh_tokens),
            forgotten_in_outbox=set(self.forgotten_in_outbox),
            email_verifications=dict(self.email_verifications),
        )


class FakeClusterRepository:
    def __init__(self, database: FakeDatabase) -> None:
        self._clusters = database.clusters

    async def exists(self, cluster_id: UUID) -> bool:
        return cluster_id in self._clusters

    async def list(self) -> list[Cluster]:
        return sorted(self._clusters.values(), key=lambda c: (c.name, c.id))

    async def get(self, cluster_id: UUID) -> Cluster | None:
        return self._clusters.get(cluster_id)

    async def add(self, cluster: Cluster) -> bool:
        taken = any(
            c.id == cluster.id or c.name == cluster.name or c.short_name == cluster.short_name
            for c in self._clusters.values()
        )
        if taken:
            return False
        self._clusters[cluster.id] = cluster
        return True


class FakeOrganisationRepository:
    def __init__(self, database: FakeDatabase) -> None:
        self._organisations = database.organisations

    async def add(self, organisation: Organisation) -> bool:
        numbers = {o.registration_number for o in self._organisations.values()}
        if organisation.registration_number in numbers:
            return False
        self._organisations[organisation.id] = organisation
        return True

    async def get(self, organisation_id: UUID, *, for_update: bool = False) -> Organisation | None:
        return self._organisations.get(organisation_id)

    async def save_status(self, organisation: Organisation) -> None:
        o = organisation
        if (stored := self._organisations.get(o.id)) is None:
            return  # an UPDATE of no row
        self._organisations[o.id] = replace(
            stored,
            status=o.status,
            decided_at=o.decided_at,
            rejection_reason=o.rejection_reason,
            version=o.version,
            decided_by=o.decided_by,
        )

    async def save_profile(self, organisation: Organisation) -> None:
        o = organisation
        if (stored := self._organisations.get(o.id)) is not None:
            self._organisations[o.id] = replace(stored, profile=o.profile, version=o.version)

    async def applications(
        self, cluster_id: UUID, *, status: Status, limit: int, offset: int
    ) -> list[Organisation]:
        found = [o for o in self._organisations.values() if o.cluster_id == cluster_id and o.status is status]
        found.sort(key=lambda o: (o.applied_at, o.id))
        return found[offset : offset + limit]


class FakePersonRepository:
    def __init__(self, database: FakeDatabase) -> None:
        self._people = database.people
        self._forgotten = database.forgotten_in_outbox

    async def forget_in_outbox(self, person_id: UUID) -> None:
        self._forgotten.add(person_id)

    async def add(self, person: Person) -> bool:
        if person.email is not None and await self.by_email(person.email) is not None:
            return False
        self._people[person.id] = person
        return True

    async def get(self, person_id: UUID, *, for_update: bool = False) -> Person | None:
        return self._people.get(person_id)

    async def by_email(self, email: str) -> Person | None:
        wanted = email.lower()
        return next((p for p in self._people.values() if p.email and p.email.lower() == wanted), None)

    async def save(self, person: Person) -> None:
        if (stored := self._people.get(person.id)) is not None:
            self._people[person.id] = replace(person, created_at=stored.created_at)

    async def of_organisation(self, organisation_id: UUID) -> list[Person]:
        found = [p for p in self._people.values() if p.organisation_id == organisation_id]
        return sorted(found, key=lambda p: (p.display_name or "", p.id))

    async def holders(self, role: Role, *, organisation_id: UUID | None = None) -> list[UUID]:
        found = (p for p in self._people.values() if p.role is role and p.organisation_id == organisation_id)
        return sorted(p.id for p in found)


class FakeInvitationRepository:
    def __init__(self, database: FakeDatabase) -> None:
        self._invitations = database.invitations

    async def add(self, invitation: Invitation) -> None:
        self._invitations[invitation.id] = invitation

    async def by_token_hash(self, token_hash: str) -> Invitation | None:
        return next((i for i in self._invitations.values() if i.token_hash == token_hash), None)

    async def mark_accepted(self, invitation: Invitation) -> None:
        if (stored := self._invitations.get(invitation.id)) is not None:
            self._invitations[invitation.id] = replace(stored, accepted_at=invitation.accepted_at)

    async def sent_by(self, person_id: UUID) -> list[Invitation]:
        sent = [i for i in self._invitations.values() if i.invited_by == person_id]
        return sorted(sent, key=lambda i: (i.created_at, i.id))

    async def forget_invitations_to(self, email: str) -> None:
        for key in [k for k, i in self._invitations.items() if i.email.lower() == email.lower()]:
            del self._invitations[key]


class FakeClientRepository:
    def __init__(self, database: FakeDatabase) -> None:
        self._clients = database.clients

    async def add(self, client: Client) -> None:
        self._clients[client.id] = client

    async def get(self, client_id: UUID) -> Client | None:
        client = self._clients.get(client_id)
        return client if client is not None and client.is_active else None


class FakeLoginAttemptRepository:
    def __init__(self, database: FakeDatabase) -> None:
        self._attempts = database.login_attempts

    async def lock(self, account_key: str) -> None:
        """One fake transaction at a time: there is nothing to serialise."""

    async def account_failures(self, account_key: str, *, since: datetime) -> list[tuple[datetime, str]]:
        found = [a for a in self._attempts if a.account_key == account_key and not a.succeeded]
        return sorted((a.at, a.client_address) for a in found if a.at > since)

    async def address_failures(self, client_address: str, *, since: datetime) -> int:
        return sum(
            1
            for a in self._attempts
            if a.client_address == client_address and not a.succeeded and a.at > since
        )

    async def record(self, account_key: str, client_address: str, *, succeeded: bool, at: datetime) -> None:
        self._attempts.append(LoginAttempt(account_key, client_address, succeeded, at))

    async def prune(self, account_key: str, *, before: datetime, everything: bool = False) -> None:
        kept = [
            a for a in self._attempts if a.account_key != account_key or not (a.at < before or everything)
        ]
        self._attempts[:] = kept

    async def purge(self, *, before: datetime) -> None:
        self._attempts[:] = [a for a in self._attempts if a.at >= before]


class FakeSessionRepository:
    def __init__(self, database: FakeDatabase) -> None:
        self._sessions = database.sessions
        self._tokens = database.refresh_tokens

    async def add(self, session: Session) -> None:
        self._sessions[session.id] = session
        self._tokens.setdefault(session.refresh_token_hash, session.id)

    async def get(self, session_id: UUID) -> Session | None:
        return self._sessions.get(session_id)

    async def by_refresh_token(self, token_hash: str) -> Session | None:
        session_id = self._tokens.get(token_hash)
        return self._sessions.get(session_id) if session_id else None

    async def save(self, session: Session) -> None:
        if session.id in self._sessions:
            self._sessions[session.id] = session
            self._tokens.setdefault(session.refresh_token_hash, session.id)

    async def revoke_all(self, person_id: UUID, *, at: datetime) -> None:
        for s in list(self._sessions.values()):
            if s.person_id == person_id and s.revoked_at is None:
                self._sessions[s.id] = replace(s, revoked_at=at)

    async def purge(self, *, ended_before: datetime) -> None:
        for s in list(self._sessions.values()):
            if s.expires_at < ended_before or (s.revoked_at is not None and s.revoked_at < ended_before):
                del self._sessions[s.id]
                for token in [t for t, sid in self._tokens.items() if sid == s.id]:
                    del self._tokens[token]


class FakeStandingRepository:
    def __init__(self, database: FakeDatabase) -> None:
        self._database = database

    async def of(self, token: Principal) -> Standing:
        database = self._database
        if token.is_client:
            client = database.clients.get(token.subject)
            return Standing(client=client if client is not None and client.is_active else None)
        session = database.sessions.get(token.session_id) if token.session_id is not None else None
        return Standing(person=database.people.get(token.subject), session=session)

    async def with_organisation(
        self, token: Principal, organisation_id: UUID, *, for_update: bool = False
    ) -> tuple[Standing, Organisation | None]:
        return await self.of(token), self._database.organisations.get(organisation_id)


class FakeEmailVerificationRepository:
    def __init__(self, database: FakeDatabase) -> None:
        self._verifications = database.email_verifications

    async def add(self, verification: EmailVerification) -> None:
        self._verifications[verification.token_hash] = verification

    async def by_token_hash(self, token_hash: str, *, for_update: bool = False) -> EmailVerification | None:
        return self._verifications.get(token_hash)

    async def mark_used(self, verification: EmailVerification) -> None:
        if verification.token_hash in self._verifications:
            self._verifications[verification.token_hash] = verification

    async def is_verified(self, person_id: UUID, email: str) -> bool:
        return any(
            v.person_id == person_id and v.email == email and v.used_at is not None
            for v in self._verifications.values()
        )

    async def forget(self, person_id: UUID) -> None:
        for token_hash in [h for h, v in self._verifications.items() if v.person_id == person_id]:
            del self._verifications[token_hash]
