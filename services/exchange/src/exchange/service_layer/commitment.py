"""Use cases of the commitment to quality: write it, sign it, and give the distance if unknown."""

from decimal import Decimal
from functools import partial
from uuid import UUID

from cloth_shared.auth.principal import Principal
from exchange.domain import access
from exchange.domain import commitment as rules
from exchange.domain.exchanges import Exchange
from exchange.domain.records import Commitment, Signatory
from exchange.service_layer.ports import Clock, ExchangeUnitOfWork
from exchange.service_layer.programmes import existing_programme
from exchange.service_layer.transitions import locked_exchange, record, take_step


async def amend_commitment(
    uow: ExchangeUnitOfWork, caller: Principal, exchange_id: UUID, commitment: Commitment, *, clock: Clock
) -> Exchange:
    """Either party writes or changes it; its dates become the exchange's; signatures are cleared."""
    async with uow:
        exchange = await locked_exchange(uow, exchange_id)
        access.amend_commitment(caller, exchange)
        programme = await existing_programme(uow, exchange.programme_id)
        outcome = rules.amend_commitment(
            exchange, commitment, programme=programme, at=clock.now(), by=caller.subject
        )
        saved = await record(uow, exchange, outcome)
        await uow.commit()
    return saved


async def sign(
    uow: ExchangeUnitOfWork, caller: Principal, exchange_id: UUID, signatory: Signatory, *, clock: Clock
) -> Exchange:
    """Visitor, host, and a manager of each home cluster sign; the fourth signature agrees it."""
    return await take_step(
        uow,
        exchange_id,
        lambda e: access.sign(caller, e, signatory),
        lambda e: rules.sign(e, signatory, at=clock.now(), by=caller.subject),
    )


async def enter_distance(
    uow: ExchangeUnitOfWork, caller: Principal, exchange_id: UUID, km: Decimal, *, clock: Clock
) -> Exchange:
    """The visitor's cluster manager gives the distance when coordinates are missing."""
    return await take_step(
        uow,
        exchange_id,
        partial(access.enter_distance, caller),
        lambda e: rules.enter_distance(e, km, at=clock.now(), by=caller.subject),
    )
