"""What every step on an exchange does besides its rule: slot, figures, storage, announcement.

All of it inside the caller's unit of work, so the exchange, its quota counter, the figures
and the outbox row commit together or not at all.
"""

from collections.abc import Callable
from uuid import UUID

from cloth_shared.errors import NotFound
from exchange.domain import figures
from exchange.domain.errors import QuotaExhausted
from exchange.domain.exchanges import Exchange, Outcome
from exchange.service_layer.events import announcement
from exchange.service_layer.ports import ExchangeUnitOfWork


async def locked_exchange(uow: ExchangeUnitOfWork, exchange_id: UUID) -> Exchange:
    """The exchange, locked until the unit of work ends; 404 if there is none."""
    exchange = await uow.exchanges.get(exchange_id, for_update=True)
    if exchange is None:
        raise NotFound("no such exchange", code="exchange-not-found")
    return exchange


async def _take_slot(uow: ExchangeUnitOfWork, exchange: Exchange) -> None:
    # The guarded UPDATE is the real check: the domain's count was read without a lock.
    if not await uow.quotas.take(exchange.programme_id, exchange.slot_category):
        raise QuotaExhausted(
            f"no free slot is left for {exchange.slot_category}", category=str(exchange.slot_category)
        )


async def record(uow: ExchangeUnitOfWork, before: Exchange | None, outcome: Outcome) -> Exchange:
    """Store the outcome of a step (before=None: a new exchange) and queue its announcement."""
    exchange = outcome.exchange
    if exchange is before:
        return exchange  # nothing changed (e.g. the same commitment sent again)
    if outcome.takes_slot:
        await _take_slot(uow, exchange)
    if outcome.frees_slot:
        await uow.quotas.free(exchange.programme_id, exchange.slot_category)
    if before is None:
        await uow.exchanges.add(exchange)
    else:
        await uow.exchanges.save(exchange)
    change = figures.change(None if before is None else before.state, exchange.state)
    # The category's approved count is its taken slots: both move only with a slot.
    assert change.approved == int(outcome.takes_slot) - int(outcome.frees_slot), (before, exchange)
    if not change.is_nothing:
        await uow.figures.record(figures.contribution(exchange), change)
    event = announcement(outcome)
    if event is not None:
        uow.emit(event)
    return exchange


async def take_step(
    uow: ExchangeUnitOfWork,
    exchange_id: UUID,
    authorise: Callable[[Exchange], None],
    step: Callable[[Exchange], Outcome],
) -> Exchange:
    """The canonical step: lock, authorise, apply the rule, record, commit; the exchange after it."""
    async with uow:
        exchange = await locked_exchange(uow, exchange_id)
        authorise(exchange)
        saved = await record(uow, exchange, step(exchange))
        await uow.commit()
    return saved
