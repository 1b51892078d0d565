"""Hosting offers, group missions and evidence records over asyncpg; SQL in offer_queries.py."""

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

import asyncpg
from asyncpg import Range

from exchange.adapters import offer_queries as queries
from exchange.adapters.codec import from_json, to_json
from exchange.adapters.repositories import party_from
from exchange.adapters.sql import arguments
from exchange.domain.evidence import EvidenceFile, MediaType
from exchange.domain.matching import HostingOffer, Wish
from exchange.domain.missions import GroupMission
from exchange.domain.programme import Window
from exchange.domain.records import DayPlan
from exchange.domain.vocabulary import ActivityKind
from exchange.service_layer.queries import OfferQuery

DAY = timedelta(days=1)


def _periods(ranges: Sequence[Range]) -> tuple[Window, ...]:
    # PostgreSQL keeps date ranges as [first, day after last): a window includes its last day.
    return tuple(Window(r.lower, r.upper - DAY) for r in ranges)


def offer_from(row: Mapping[str, Any]) -> HostingOffer:
    return HostingOffer(
        id=row["id"],
        host=party_from(row, prefix="host_"),
        title=row["title"],
        topics=tuple(row["topics"]),
        activity_kinds=frozenset(ActivityKind(kind) for kind in row["activity_kinds"]),
        languages=frozenset(row["languages"]),
        periods=_periods(row["periods"]),
        capacity=row["capacity"],
        published_at=row["published_at"],
        published_by=row["published_by"],
    )


def offer_columns(offer: HostingOffer) -> dict[str, Any]:
    return {
        **{name: getattr(offer, name) for name in queries.OFFER_COLUMNS if hasattr(offer, name)},
        "host_organisation_id": offer.host.organisation_id,
        "activity_kinds": frozenset(str(kind) for kind in offer.activity_kinds),
        "periods": [Range(p.first, p.last + DAY) for p in offer.periods],
    }


class PostgresOfferRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, offer: HostingOffer) -> None:
        values = arguments(offer_columns(offer), queries.OFFER_COLUMNS)
        await self._connection.execute(queries.INSERT_OFFER, *values)

    async def get(self, offer_id: UUID) -> HostingOffer | None:
        row = await self._connection.fetchrow(queries.GET_OFFER, offer_id)
        return None if row is None else offer_from(row)

    async def withdraw(self, offer_id: UUID, *, at: datetime) -> None:
        await self._connection.execute(queries.WITHDRAW_OFFER, offer_id, at)

    async def search(self, query: OfferQuery) -> Sequence[HostingOffer]:
        q, period = query, query.period
        rows = await self._connection.fetch(
            queries.SEARCH_OFFERS,
            q.country,
            None if q.category is None else str(q.category),
            q.value_chain,
            None if q.activity_kind is None else str(q.activity_kind),
            q.language,
            None if period is None else period.first,
            None if period is None else period.last,
            q.host_organisation_id,
            q.limit,
            q.offset,
        )
        return [offer_from(row) for row in rows]

    async def hosting_elsewhere(self, country: str) -> Sequence[HostingOffer]:
        return [offer_from(row) for row in await self._connection.fetch(queries.HOSTING_ELSEWHERE, country)]

    async def suggestion_candidates(self, wish: Wish, *, limit: int) -> Sequence[tuple[HostingOffer, int]]:
        visitor, here = wish.visitor, wish.visitor.coordinates
        rows = await self._connection.fetch(
            queries.SUGGESTION_CANDIDATES,
            visitor.organisation_id,
            visitor.country,
            sorted(visitor.value_chains),
            sorted(visitor.languages),
            None if here is None else here.latitude,
            None if here is None else here.longitude,
            sorted(str(kind) for kind in wish.activity_kinds),
            wish.period.first,
            wish.period.last,
            limit,
        )
        return [(offer_from(row), row["booked"] or 0) for row in rows]


def mission_from(row: Mapping[str, Any]) -> GroupMission:
    values = {name: row[name] for name in queries.MISSION_COLUMNS}
    values["agenda"] = from_json(tuple[DayPlan, ...], row["agenda"])
    return GroupMission(**values, exchange_ids=tuple(row["exchange_ids"]))


class PostgresMissionRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, mission: GroupMission) -> None:
        values = {**asdict(mission), "agenda": to_json(tuple[DayPlan, ...], mission.agenda)}
        await self._connection.execute(queries.INSERT_MISSION, *arguments(values, queries.MISSION_COLUMNS))

    async def get(self, mission_id: UUID, *, for_update: bool = False) -> GroupMission | None:
        query = queries.LOCK_MISSION if for_update else queries.GET_MISSION
        row = await self._connection.fetchrow(query, mission_id)
        return None if row is None else mission_from(row)

    async def in_programme(self, programme_id: UUID) -> Sequence[GroupMission]:
        rows = await self._connection.fetch(queries.MISSIONS_IN_PROGRAMME, programme_id)
        return [mission_from(row) for row in rows]


def evidence_from(row: Mapping[str, Any]) -> EvidenceFile:
    return EvidenceFile(**{**dict(row), "media_type": MediaType(row["media_type"])})


class PostgresEvidenceRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, file: EvidenceFile) -> None:
        values = arguments(asdict(file), queries.EVIDENCE_COLUMNS)
        await self._connection.execute(queries.INSERT_EVIDENCE, *values)

    async def of_exchange(self, exchange_id: UUID) -> Sequence[EvidenceFile]:
        rows = await self._connection.fetch(queries.EVIDENCE_OF_EXCHANGE, exchange_id)
        return [evidence_from(row) for row in rows]

    async def get(self, exchange_id: UUID, evidence_id: UUID) -> EvidenceFile | None:
        row = await self._connection.fetchrow(queries.GET_EVIDENCE, exchange_id, evidence_id)
        return None if row is None else evidence_from(row)


class PostgresEvidenceStorage:
    """The evidence storage port in the service's own PostgreSQL (bytea, content-addressed)."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def put(self, sha256: str, content: bytes) -> None:
        await self._pool.execute(queries.PUT_BLOB, sha256, content)

    async def get(self, sha256: str) -> bytes | None:
        content = await self._pool.fetchval(queries.GET_BLOB, sha256)
        return None if content is None else bytes(content)
