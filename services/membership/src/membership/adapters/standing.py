"""A token holder's standing on PostgreSQL, alone or read together with an organisation."""

from collections.abc import Sequence
from typing import Any
from uuid import UUID

import asyncpg

from cloth_shared.auth.principal import Principal
from membership.adapters import standing_queries as queries
from membership.adapters.people import client_from_row, person_from_row
from membership.adapters.people_queries import CLIENT_COLUMNS, PERSON_COLUMNS, SESSION_COLUMNS
from membership.adapters.queries import ORGANISATION_COLUMNS
from membership.adapters.repositories import organisation_from_row
from membership.domain.organisations import Organisation
from membership.domain.sessions import Session
from membership.domain.standing import Standing


def _record(row: asyncpg.Record, name: str, columns: Sequence[str]) -> dict[str, Any] | None:
    """One record's columns out of the joined row; None when the outer join found nothing."""
    if row[f"{name}.id"] is None:
        return None
    return {column: row[f"{name}.{column}"] for column in columns}


def _arguments(token: Principal) -> tuple[UUID | None, UUID | None, UUID | None]:
    if token.is_client:
        return None, None, token.subject
    return token.subject, token.session_id, None


def _standing(row: asyncpg.Record) -> Standing:
    person = _record(row, "person", PERSON_COLUMNS)
    session = _record(row, "session", SESSION_COLUMNS)
    client = _record(row, "client", CLIENT_COLUMNS)
    return Standing(
        person=person_from_row(person) if person else None,
        session=Session(**session) if session else None,
        client=client_from_row(client) if client else None,
    )


class PostgresStandingRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def of(self, token: Principal) -> Standing:
        row = await self._connection.fetchrow(queries.STANDING, *_arguments(token))
        assert row is not None  # the statement always answers one row
        return _standing(row)

    async def with_organisation(
        self, token: Principal, organisation_id: UUID, *, for_update: bool = False
    ) -> tuple[Standing, Organisation | None]:
        query = queries.STANDING_WITH_ORGANISATION
        if for_update:
            query = queries.STANDING_WITH_ORGANISATION_FOR_UPDATE
        row = await self._connection.fetchrow(query, *_arguments(token), organisation_id)
        assert row is not None
        organisation = _record(row, "organisation", ORGANISATION_COLUMNS)
        return _standing(row), organisation_from_row(organisation) if organisation else None
