"""Repositories of people, invitations, partner clients and sign-in attempts."""

from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from cloth_shared.auth.principal import Role
from membership.adapters import queries
from membership.domain.people import Invitation, Person, PersonStatus


def _person(row: asyncpg.Record) -> Person:
    values: dict[str, Any] = dict(row)
    values["role"] = Role(values["role"]) if values["role"] else None
    values["status"] = PersonStatus(values["status"])
    values["language"] = values["language"].strip()
    return Person(**values)


def _invitation(row: asyncpg.Record) -> Invitation:
    values: dict[str, Any] = dict(row)
    values["role"] = Role(values["role"])
    return Invitation(**values)


def _person_values(p: Person) -> tuple[Any, ...]:
    return (
        p.id,
        p.email,
        p.display_name,
        p.language,
        p.password_hash,
        p.created_at,
        p.role.value if p.role else None,
        p.organisation_id,
        p.cluster_id,
        p.status.value,
        p.erased_at,
    )


class PersonRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, person: Person) -> bool:
        """Insert; False when the email is already signed up."""
        return await self._connection.fetchval(queries.INSERT_PERSON, *_person_values(person)) is not None

    async def get(self, person_id: UUID, *, for_update: bool = False) -> Person | None:
        query = queries.GET_PERSON_FOR_UPDATE if for_update else queries.GET_PERSON
        row = await self._connection.fetchrow(query, person_id)
        return _person(row) if row else None

    async def by_email(self, email: str) -> Person | None:
        row = await self._connection.fetchrow(queries.GET_PERSON_BY_EMAIL, email)
        return _person(row) if row else None

    async def save(self, person: Person) -> None:
        p = _person_values(person)
        # UPDATE takes the columns in the same order minus created_at (index 5).
        await self._connection.execute(queries.UPDATE_PERSON, *p[:5], *p[6:])

    async def of_organisation(self, organisation_id: UUID) -> list[Person]:
        rows = await self._connection.fetch(queries.LIST_PEOPLE_OF_ORGANISATION, organisation_id)
        return [_person(row) for row in rows]


class InvitationRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, invitation: Invitation) -> None:
        i = invitation
        await self._connection.execute(
            queries.INSERT_INVITATION,
            i.id,
            i.email,
            i.role.value,
            i.invited_by,
            i.token_hash,
            i.created_at,
            i.organisation_id,
            i.cluster_id,
            i.accepted_at,
        )

    async def by_token_hash(self, token_hash: str) -> Invitation | None:
        row = await self._connection.fetchrow(queries.GET_INVITATION_BY_TOKEN_FOR_UPDATE, token_hash)
        return _invitation(row) if row else None

    async def mark_accepted(self, invitation: Invitation) -> None:
        await self._connection.execute(queries.ACCEPT_INVITATION, invitation.id, invitation.accepted_at)

    async def sent_by(self, person_id: UUID) -> list[Invitation]:
        return [
            _invitation(r) for r in await self._connection.fetch(queries.LIST_INVITATIONS_SENT_BY, person_id)
        ]

    async def forget_invitations_to(self, email: str) -> None:
        await self._connection.execute(queries.DELETE_INVITATIONS_TO, email)


class ClientRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(
        self,
        *,
        client_id: UUID,
        name: str,
        secret_hash: str,
        scopes: list[str],
        created_by: UUID,
        at: datetime,
    ) -> None:
        await self._connection.execute(
            queries.INSERT_CLIENT, client_id, name, secret_hash, scopes, created_by, at
        )

    async def get(self, client_id: UUID) -> dict[str, Any] | None:
        row = await self._connection.fetchrow(queries.GET_ACTIVE_CLIENT, client_id)
        return dict(row) if row else None


class LoginAttemptRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def lock(self, account_key: str) -> None:
        await self._connection.execute(queries.LOCK_ACCOUNT, account_key)

    async def account_failures(self, account_key: str, *, since: datetime) -> list[datetime]:
        rows = await self._connection.fetch(queries.ACCOUNT_FAILURES_SINCE, account_key, since)
        return [row["attempted_at"] for row in rows]

    async def address_failures(self, client_address: str, *, since: datetime) -> int:
        return int(await self._connection.fetchval(queries.ADDRESS_FAILURES_SINCE, client_address, since))

    async def record(self, account_key: str, client_address: str, *, succeeded: bool, at: datetime) -> None:
        await self._connection.execute(queries.INSERT_ATTEMPT, account_key, client_address, succeeded, at)

    async def prune(self, account_key: str, *, before: datetime, everything: bool = False) -> None:
        """Drop attempts older than the window; all of them after a success or an erasure."""
        await self._connection.execute(queries.PRUNE_ATTEMPTS, account_key, before, everything)
