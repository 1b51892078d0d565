"""Repositories of people, invitations, partner clients and sign-in attempts on PostgreSQL.

SQL is in `people_queries`; arguments are mapped by column name from its column lists.
"""

from collections.abc import Mapping
from dataclasses import asdict
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from cloth_shared.auth.principal import Role
from membership.adapters import people_queries as queries
from membership.adapters.sql import arguments
from membership.domain.clients import Client
from membership.domain.people import Invitation, Person, PersonStatus


def person_from_row(row: Mapping[str, Any]) -> Person:
    values: dict[str, Any] = dict(row)
    values["role"] = Role(values["role"]) if values["role"] else None
    values["status"] = PersonStatus(values["status"])
    values["language"] = values["language"].strip()
    return Person(**values)


def client_from_row(row: Mapping[str, Any]) -> Client:
    return Client(**{**dict(row), "scopes": tuple(row["scopes"])})


def _person_columns(person: Person) -> dict[str, Any]:
    values = asdict(person)
    values["role"] = person.role.value if person.role else None
    values["status"] = person.status.value
    return values


def _invitation(row: asyncpg.Record) -> Invitation:
    values: dict[str, Any] = dict(row)
    values["role"] = Role(values["role"])
    return Invitation(**values)


def _invitation_columns(invitation: Invitation) -> dict[str, Any]:
    return {**asdict(invitation), "role": invitation.role.value}


class PostgresPersonRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, person: Person) -> bool:
        values = arguments(_person_columns(person), queries.PERSON_COLUMNS)
        return await self._connection.fetchval(queries.INSERT_PERSON, *values) is not None

    async def get(self, person_id: UUID, *, for_update: bool = False) -> Person | None:
        query = queries.GET_PERSON_FOR_UPDATE if for_update else queries.GET_PERSON
        row = await self._connection.fetchrow(query, person_id)
        return person_from_row(row) if row else None

    async def by_email(self, email: str) -> Person | None:
        row = await self._connection.fetchrow(queries.GET_PERSON_BY_EMAIL, email)
        return person_from_row(row) if row else None

    async def holders(self, role: Role, *, organisation_id: UUID | None = None) -> list[UUID]:
        rows = await self._connection.fetch(queries.LOCK_ROLE_HOLDERS, role.value, organisation_id)
        return [row["id"] for row in rows]

    async def save(self, person: Person) -> None:
        values = arguments(_person_columns(person), queries.PERSON_UPDATE_COLUMNS)
        await self._connection.execute(queries.UPDATE_PERSON, person.id, *values)

    async def forget_in_outbox(self, person_id: UUID) -> None:
        await self._connection.execute(queries.DROP_UNPUBLISHED_PERSON_EVENTS, str(person_id))
        await self._connection.execute(queries.REDACT_PUBLISHED_PERSON_EVENTS, str(person_id))

    async def of_organisation(self, organisation_id: UUID) -> list[Person]:
        rows = await self._connection.fetch(queries.LIST_PEOPLE_OF_ORGANISATION, organisation_id)
        return [person_from_row(row) for row in rows]


class PostgresInvitationRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, invitation: Invitation) -> None:
        values = arguments(_invitation_columns(invitation), queries.INVITATION_COLUMNS)
        await self._connection.execute(queries.INSERT_INVITATION, *values)

    async def by_token_hash(self, token_hash: str) -> Invitation | None:
        row = await self._connection.fetchrow(queries.GET_INVITATION_BY_TOKEN_FOR_UPDATE, token_hash)
        return _invitation(row) if row else None

    async def mark_accepted(self, invitation: Invitation) -> None:
        await self._connection.execute(queries.ACCEPT_INVITATION, invitation.id, invitation.accepted_at)

    async def sent_by(self, person_id: UUID) -> list[Invitation]:
        rows = await self._connection.fetch(queries.LIST_INVITATIONS_SENT_BY, person_id)
        return [_invitation(row) for row in rows]

    async def forget_invitations_to(self, email: str) -> None:
        await self._connection.execute(queries.DELETE_INVITATIONS_TO, email)


class PostgresClientRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, client: Client) -> None:
        await self._connection.execute(
            queries.INSERT_CLIENT, *arguments(asdict(client), queries.CLIENT_COLUMNS)
        )

    async def get(self, client_id: UUID) -> Client | None:
        row = await self._connection.fetchrow(queries.GET_ACTIVE_CLIENT, client_id)
        return client_from_row(row) if row else None


class PostgresLoginAttemptRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def lock(self, account_key: str) -> None:
        await self._connection.execute(queries.LOCK_ACCOUNT, account_key)

    async def account_failures(self, account_key: str, *, since: datetime) -> list[tuple[datetime, str]]:
        rows = await self._connection.fetch(queries.ACCOUNT_FAILURES_SINCE, account_key, since)
        return [(row["attempted_at"], row["client_address"]) for row in rows]

    async def address_failures(self, client_address: str, *, since: datetime) -> int:
        return int(await self._connection.fetchval(queries.ADDRESS_FAILURES_SINCE, client_address, since))

    async def record(self, account_key: str, client_address: str, *, succeeded: bool, at: datetime) -> None:
        await self._connection.execute(queries.INSERT_ATTEMPT, account_key, client_address, succeeded, at)

    async def prune(self, account_key: str, *, before: datetime, everything: bool = False) -> None:
        await self._connection.execute(queries.PRUNE_ATTEMPTS, account_key, before, everything)

    async def purge(self, *, before: datetime) -> None:
        await self._connection.execute(queries.PURGE_ATTEMPTS, before)
