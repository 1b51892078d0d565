"""Exchanges and their history over asyncpg: domain objects in and out, mapped by column name."""

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date
from typing import Any
from uuid import UUID

import asyncpg

from exchange.adapters import exchange_queries as queries
from exchange.adapters.codec import from_json, to_json
from exchange.adapters.sql import arguments, sql_value
from exchange.domain import closing
from exchange.domain.exchanges import Exchange
from exchange.domain.lump_sum import LumpSum
from exchange.domain.membership_ended import OPEN_STATES
from exchange.domain.parties import Participant
from exchange.domain.programme import Window
from exchange.domain.records import (
    AtRisk,
    ClosingReport,
    Commitment,
    Deadline,
    HistoryEntry,
    HostFeedback,
    Signature,
)
from exchange.domain.vocabulary import ActivityKind, Category, State
from exchange.service_layer.queries import ExchangeQuery

# Nested values stored as JSON, each with the type it is read back as.
JSON_COLUMNS: dict[str, Any] = {
    "lump_sum": LumpSum,
    "commitment": Commitment | None,
    "signatures": tuple[Signature, ...],
    "report": ClosingReport | None,
    "host_feedback": HostFeedback | None,
    "at_risk": AtRisk | None,
}
_SIDE_COLUMNS = {
    f"{side}_{field}"
    for side in ("visitor", "host")
    for field in ("organisation_id", "category", "country", "cluster_id")
}


def _side(row: Mapping[str, Any], side: str) -> Participant:
    return Participant(
        row[f"{side}_organisation_id"],
        Category(row[f"{side}_category"]),
        row[f"{side}_country"],
        row[f"{side}_cluster_id"],
    )


def exchange_from(row: Mapping[str, Any]) -> Exchange:
    values: dict[str, Any] = {name: row[name] for name in queries.EXCHANGE_COLUMNS}
    values.update({name: from_json(kind, row[name]) for name, kind in JSON_COLUMNS.items()})
    values.update(
        slot_category=Category(row["slot_category"]),
        activity_kind=ActivityKind(row["activity_kind"]),
        state=State(row["state"]),
        flagged=frozenset(Deadline(d) for d in row["flagged"]),
    )
    for stored_only in (*_SIDE_COLUMNS, "report_due", "payment_due"):
        del values[stored_only]
    history = tuple(from_json(HistoryEntry, entry) for entry in row["history"])
    return Exchange(**values, visitor=_side(row, "visitor"), host=_side(row, "host"), history=history)


def _column(exchange: Exchange, name: str) -> Any:
    """One changing column's value, encoded as `exchange_columns` encodes it."""
    if name in JSON_COLUMNS:
        return to_json(JSON_COLUMNS[name], getattr(exchange, name))
    if name == "flagged":
        return frozenset(str(d) for d in exchange.flagged)
    if name in _DERIVED:
        return _DERIVED[name](exchange)
    return getattr(exchange, name)


_DERIVED: dict[str, Callable[[Exchange], Any]] = {
    "report_due": closing.report_due,
    "payment_due": closing.payment_due,
}


def changed_columns(before: Exchange, after: Exchange) -> tuple[str, ...]:
    """The changing columns whose value a step moved (fields a step did not touch are the same
    objects, so most comparisons are an identity check)."""

    def moved(name: str) -> bool:
        if name in _DERIVED:
            return bool(_DERIVED[name](before) != _DERIVED[name](after))
        old, new = getattr(before, name), getattr(after, name)
        return old is not new and bool(old != new)

    return tuple(name for name in queries.CHANGING_COLUMNS if moved(name))


def exchange_columns(exchange: Exchange) -> dict[str, Any]:
    e = exchange
    sides = {
        f"{side}_{field}": getattr(party, field)
        for side, party in (("visitor", e.visitor), ("host", e.host))
        for field in ("organisation_id", "category", "country", "cluster_id")
    }
    plain = {name: getattr(e, name) for name in queries.EXCHANGE_COLUMNS if hasattr(e, name)}
    return {
        **plain,
        **sides,
        **{name: to_json(kind, getattr(e, name)) for name, kind in JSON_COLUMNS.items()},
        "flagged": frozenset(str(d) for d in e.flagged),
        "report_due": closing.report_due(e),
        "payment_due": closing.payment_due(e),
    }


class PostgresExchangeRepository:
    """One per unit of work: it remembers each exchange as stored (read, added or saved in this
    transaction), so `save` writes only the columns a step changed and the history entries it
    added; an exchange it has not seen is written whole (entries already stored are skipped)."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection
        self._stored: dict[UUID, Exchange] = {}

    def _remember(self, exchange: Exchange) -> Exchange:
        self._stored[exchange.id] = exchange
        return exchange

    async def add(self, exchange: Exchange) -> None:
        values = exchange_columns(exchange)
        await self._connection.execute(queries.INSERT_EXCHANGE, *arguments(values, queries.EXCHANGE_COLUMNS))
        await self._append_history(exchange, since=0)
        self._remember(exchange)

    async def get(self, exchange_id: UUID, *, for_update: bool = False) -> Exchange | None:
        query = queries.LOCK_EXCHANGE if for_update else queries.GET_EXCHANGE
        row = await self._connection.fetchrow(query, exchange_id)
        return None if row is None else self._remember(exchange_from(row))

    async def save(self, exchange: Exchange) -> None:
        before = self._stored.get(exchange.id)
        if before is None or exchange.history[: len(before.history)] != before.history:
            values = arguments(exchange_columns(exchange), queries.CHANGING_COLUMNS)
            await self._connection.execute(queries.UPDATE_EXCHANGE, exchange.id, *values)
            await self._append_history(exchange, since=0)
        else:
            changed = changed_columns(before, exchange)
            if changed:
                values = [sql_value(_column(exchange, name)) for name in changed]
                await self._connection.execute(queries.update_exchange(changed), exchange.id, *values)
            await self._append_history(exchange, since=len(before.history))
        self._remember(exchange)

    async def _append_history(self, exchange: Exchange, *, since: int) -> None:
        new = exchange.history[since:]
        if not new:
            return
        await self._connection.execute(
            queries.APPEND_HISTORY,
            exchange.id,
            list(range(since, since + len(new))),
            [str(entry.step) for entry in new],
            [entry.at for entry in new],
            [entry.by for entry in new],
            [str(entry.state) for entry in new],
            [entry.note for entry in new],
        )

    async def visits(self, programme_id: UUID, visitor_id: UUID) -> int:
        return int(await self._connection.fetchval(queries.VISITS, programme_id, visitor_id))

    async def open_for(self, organisation_id: UUID) -> Sequence[Exchange]:
        states = sorted(str(state) for state in OPEN_STATES)
        rows = await self._connection.fetch(queries.OPEN_FOR_ORGANISATION, organisation_id, states)
        return [self._remember(exchange_from(row)) for row in rows]

    async def find(self, query: ExchangeQuery) -> Sequence[Exchange]:
        q = query
        state = None if q.state is None else str(q.state)
        rows = await self._connection.fetch(
            queries.FIND_EXCHANGES, q.programme_id, state, q.party, q.cluster, q.mission_id, q.limit, q.offset
        )
        return [self._remember(exchange_from(row)) for row in rows]

    async def due(self, on: date, *, limit: int) -> Sequence[UUID]:
        return [row["id"] for row in await self._connection.fetch(queries.DUE, on, limit)]

    async def booked(self, offer_ids: Collection[UUID], period: Window) -> Mapping[UUID, int]:
        rows = await self._connection.fetch(queries.BOOKED, list(offer_ids), period.first, period.last)
        return {row["hosting_offer_id"]: row["booked"] for row in rows}
