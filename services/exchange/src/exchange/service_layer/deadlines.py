"""The programme's clock: start exchanges on their first day, announce missed deadlines once.

Run by a background sweeper in every replica; the advisory lock lets one replica at a time
do a pass, and the rest skip it. Tests drive `sweep` with a clock of their own.
"""

from collections.abc import Callable
from dataclasses import dataclass

from exchange.domain.schedule import clock_step
from exchange.service_layer.ports import Clock, ExchangeUnitOfWork
from exchange.service_layer.transitions import locked_exchange, record

SWEEPER_LOCK = 0x0C1_0E7C  # arbitrary but fixed: names the sweeper's advisory lock
BATCH = 200

UnitOfWorkFactory = Callable[[], ExchangeUnitOfWork]


@dataclass(frozen=True, slots=True)
class Sweep:
    looked_at: int  # exchanges the storage found due
    changed: int  # of those, exchanges started or flagged
    skipped: bool = False  # another replica held the lock


async def sweep(uow: ExchangeUnitOfWork, *, clock: Clock, batch: int = BATCH) -> Sweep:
    """One pass over at most `batch` due exchanges, in one transaction, under the lock."""
    now = clock.now()
    changed = 0
    async with uow:
        if not await uow.try_lock(SWEEPER_LOCK):
            return Sweep(0, 0, skipped=True)
        due = await uow.exchanges.due(now.date(), limit=batch)
        for exchange_id in due:
            exchange = await locked_exchange(uow, exchange_id)
            outcome = clock_step(exchange, at=now)
            if outcome is not None:
                await record(uow, exchange, outcome)
                changed += 1
        await uow.commit()
    return Sweep(len(due), changed)


async def sweep_all(uow_factory: UnitOfWorkFactory, *, clock: Clock, batch: int = BATCH) -> int:
    """Passes until a pass finds less than a full batch; how many exchanges changed."""
    changed = 0
    while True:
        done = await sweep(uow_factory(), clock=clock, batch=batch)
        changed += done.changed
        if done.skipped or done.looked_at < batch or done.changed == 0:
            return changed
