"""The read models of membership (people, organisations) over asyncpg; SQL in queries.py."""

from collections.abc import Collection, Mapping
from dataclasses import asdict
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from exchange.adapters import queries
from exchange.adapters.sql import arguments
from exchange.domain.parties import Coordinates, Party
from exchange.domain.people import ERASED_PERSON, Person
from exchange.domain.vocabulary import Category


class PostgresPersonRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def get(self, person_id: UUID) -> Person | None:
        row = await self._connection.fetchrow(queries.GET_PERSON, person_id)
        return None if row is None else Person(**dict(row))

    async def remember(self, person: Person) -> None:
        if await self._connection.fetchval(queries.IS_ERASED, person.person_id):
            return  # an announcement replayed after the erasure brings nobody back
        await self._connection.execute(
            queries.UPSERT_PERSON, *arguments(asdict(person), queries.PERSON_COLUMNS)
        )

    async def detach(self, person_id: UUID, *, at: datetime) -> None:
        await self._connection.execute(queries.DETACH_PERSON, person_id, at)

    async def forget(self, person_id: UUID, *, at: datetime) -> None:
        await self._connection.execute(queries.FORGET_PERSON, person_id)
        await self._connection.execute(queries.TOMBSTONE_PERSON, person_id, at)

    async def names(self, person_ids: Collection[UUID]) -> Mapping[UUID, str]:
        rows = await self._connection.fetch(queries.NAMES_OF_PEOPLE, list(person_ids), ERASED_PERSON)
        return {row["person_id"]: row["display_name"] for row in rows}


def party_from(values: Mapping[str, Any], *, prefix: str = "") -> Party:
    """A Party from organisation columns (named `prefix` + column, as in a join)."""

    def v(name: str) -> Any:
        return values[prefix + name]

    latitude, longitude = v("latitude"), v("longitude")
    located = latitude is not None and longitude is not None
    return Party(
        organisation_id=v("organisation_id"),
        category=Category(v("category")),
        country=v("country"),
        cluster_id=v("cluster_id"),
        is_active=v("is_active"),
        coordinates=Coordinates(latitude, longitude) if located else None,
        value_chains=frozenset(v("value_chains")),
        languages=frozenset(v("languages")),
        legal_name=v("legal_name"),
        region=v("region"),
    )


def party_columns(party: Party, as_of: datetime) -> dict[str, Any]:
    located = party.coordinates
    return {
        **{name: getattr(party, name) for name in ("organisation_id", "legal_name", "country", "region")},
        "category": party.category.value,
        "cluster_id": party.cluster_id,
        "is_active": party.is_active,
        "latitude": None if located is None else located.latitude,
        "longitude": None if located is None else located.longitude,
        "value_chains": party.value_chains,
        "languages": party.languages,
        "as_of": as_of,
    }


class PostgresOrganisationRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def get(self, organisation_id: UUID, *, for_update: bool = False) -> Party | None:
        query = queries.LOCK_ORGANISATION if for_update else queries.GET_ORGANISATION
        row = await self._connection.fetchrow(query, organisation_id)
        return None if row is None else party_from(row)

    async def remember(self, party: Party, *, as_of: datetime) -> bool:
        values = arguments(party_columns(party, as_of), queries.ORGANISATION_COLUMNS)
        return await self._connection.fetchval(queries.UPSERT_ORGANISATION, *values) is not None

    async def names(self, organisation_ids: Collection[UUID]) -> Mapping[UUID, str]:
        rows = await self._connection.fetch(queries.NAMES_OF_ORGANISATIONS, list(organisation_ids))
        return {row["organisation_id"]: row["legal_name"] for row in rows}
