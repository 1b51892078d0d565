"""The programme's clock as a background task of every replica: a pass every interval.

Each pass runs `deadlines.sweep_all` (one replica at a time, under an advisory lock). A pass
is one transaction, so a cancelled pass leaves nothing half done.

ServiceDefinition has no hook to stop a task of a service's own: `stop_infrastructure` waits for
`infra.tasks`, then cancels them. The sweeper therefore stops by itself when the outbox relay
(started after it, stopped first on shutdown) has finished, so shutdown does not wait out the
grace period; without a relay it is cancelled between or during passes, which is safe.
"""

import asyncio

import structlog

from cloth_shared.service import Infrastructure
from exchange.adapters.unit_of_work import PostgresExchangeUnitOfWork
from exchange.service_layer.deadlines import sweep_all
from exchange.service_layer.ports import Clock

log = structlog.get_logger(__name__)
RELAY_TASK_SUFFIX = "-outbox-relay"


def _relays(infra: Infrastructure) -> list["asyncio.Task[None]"]:
    return [task for task in infra.tasks if task.get_name().endswith(RELAY_TASK_SUFFIX)]


def _shutting_down(infra: Infrastructure) -> bool:
    return any(task.done() for task in _relays(infra))


async def _pause(infra: Infrastructure, seconds: float) -> None:
    """Wait `seconds`, or less when the relay finishes (the service is stopping)."""
    relays = _relays(infra)
    if relays:
        await asyncio.wait(relays, timeout=seconds)
    else:
        await asyncio.sleep(seconds)


async def run_sweeper(infra: Infrastructure, *, interval: float) -> None:
    """Sweep now and every `interval` seconds until the service stops."""
    while not _shutting_down(infra):
        # Looked up on each pass, not once: the component is the service's clock (tests set theirs).
        clock = infra.component(Clock)  # type: ignore[type-abstract]
        try:
            changed = await sweep_all(
                lambda: PostgresExchangeUnitOfWork(infra.pool, infra.outbox), clock=clock
            )
            if changed:
                log.info("sweeper_pass", exchanges_changed=changed)
        except Exception as error:  # the next pass tries again; the service keeps serving
            log.warning("sweeper_pass_failed", error=repr(error))
        await _pause(infra, interval)
