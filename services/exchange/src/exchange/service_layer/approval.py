"""Use cases of approval and start: the quota slot is taken here, atomically."""

from functools import partial
from uuid import UUID

from cloth_shared.auth.principal import Principal
from exchange.domain import access, exchanges
from exchange.domain.exchanges import Exchange
from exchange.service_layer.ports import Clock, ExchangeUnitOfWork
from exchange.service_layer.programmes import existing_programme
from exchange.service_layer.transitions import locked_exchange, record, take_step


async def approve(uow: ExchangeUnitOfWork, caller: Principal, exchange_id: UUID, *, clock: Clock) -> Exchange:
    """The visitor's cluster manager (or an administrator) approves; the last slot goes once.

    The slot is taken by the counter row's guarded update in this transaction (`record`),
    so of many approvals racing for the last slot exactly one commits; the others are
    refused with `quota-exhausted`, write nothing and announce nothing.
    """
    async with uow:
        exchange = await locked_exchange(uow, exchange_id)
        access.approve(caller, exchange)
        programme = await existing_programme(uow, exchange.programme_id)
        taken = await uow.quotas.taken(programme.id, exchange.slot_category)
        outcome = exchanges.approve(
            exchange, programme=programme, slots_taken=taken, at=clock.now(), by=caller.subject
        )
        saved = await record(uow, exchange, outcome)
        await uow.commit()
    return saved


async def start(uow: ExchangeUnitOfWork, caller: Principal, exchange_id: UUID, *, clock: Clock) -> Exchange:
    """Mark an approved exchange started, from its first day (the sweeper does it as well)."""
    return await take_step(
        uow,
        exchange_id,
        partial(access.start, caller),
        lambda e: exchanges.start(e, at=clock.now(), by=caller.subject),
    )
