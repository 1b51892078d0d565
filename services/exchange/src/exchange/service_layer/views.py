"""Reading exchanges: one with its history (who did what, when), or a list the caller may see."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from uuid import UUID

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotFound
from exchange.domain import access
from exchange.domain.exchanges import Exchange
from exchange.service_layer.ports import ExchangeUnitOfWork
from exchange.service_layer.queries import ExchangeQuery


@dataclass(frozen=True, slots=True)
class ExchangeWithNames:
    """An exchange and the names of the people and organisations in it; an erased person reads
    "erased person"."""

    exchange: Exchange
    names: Mapping[UUID, str]


@dataclass(frozen=True, slots=True)
class ExchangesWithNames:
    """Exchanges and the names of their organisations (people and organisations never share ids)."""

    exchanges: Sequence[Exchange]
    names: Mapping[UUID, str]


def organisations_in(exchanges: Sequence[Exchange]) -> set[UUID]:
    return {party.organisation_id for e in exchanges for party in (e.visitor, e.host)}


def people_in(exchange: Exchange) -> set[UUID]:
    ids = {entry.by for entry in exchange.history if entry.by is not None}
    ids |= {signature.by for signature in exchange.signatures}
    if exchange.report is not None:
        ids.add(exchange.report.submitted_by)
    if exchange.host_feedback is not None:
        ids.add(exchange.host_feedback.given_by)
    return ids


async def visible_exchange(uow: ExchangeUnitOfWork, caller: Principal, exchange_id: UUID) -> Exchange:
    exchange = await uow.exchanges.get(exchange_id)
    if exchange is None:
        raise NotFound("no such exchange", code="exchange-not-found")
    access.view_exchange(caller, exchange)
    return exchange


async def view_exchange(uow: ExchangeUnitOfWork, caller: Principal, exchange_id: UUID) -> ExchangeWithNames:
    """The parties, their clusters' managers and administrators see an exchange and its history."""
    async with uow:
        exchange = await visible_exchange(uow, caller, exchange_id)
        names = await uow.people.names(people_in(exchange))
        organisations = await uow.organisations.names(organisations_in([exchange]))
    return ExchangeWithNames(exchange, {**names, **organisations})


async def list_exchanges(
    uow: ExchangeUnitOfWork, caller: Principal, query: ExchangeQuery
) -> ExchangesWithNames:
    """The exchanges the caller may see, narrowed by the query, with their organisations' names."""
    visible = access.exchanges_visible_to(caller)
    narrowed = replace(
        query,
        party=visible.party or query.party,
        cluster=visible.cluster or query.cluster,
    )
    async with uow:
        found = await uow.exchanges.find(narrowed)
        names = await uow.organisations.names(organisations_in(found))
    return ExchangesWithNames(found, names)
