"""A use case the inbox may apply to several adjacent events of a polled batch in one call.

Apart from inbox/consumer.py so that service layers may wrap their use cases in it without
loading the Kafka or database drivers the consumer needs.
"""

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Generic, TypeVar

from cloth_shared.contracts.envelope import EventEnvelope

Envelope = EventEnvelope[dict[str, Any]]
Consumed = tuple[Envelope, Any]
UnitOfWorkT = TypeVar("UnitOfWorkT")


class AppliedTogether(Generic[UnitOfWorkT]):
    """A use case applied to a run of adjacent events of a polled batch in one call.

    `apply` must leave exactly what calling it once per event, in their order, would leave: it is
    the same rule with a few set-based statements for the whole run instead of several per event
    (the round trips, not the work, are what capped a consumer). The inbox groups adjacent first
    deliveries whose handler is this very object; an event of another handler ends the run. The
    events of a run have different flows, so `apply` may not emit events (it would not know
    which one caused them). Called with one event, it is an ordinary handler.
    """

    def __init__(self, apply: Callable[[UnitOfWorkT, Sequence[Consumed]], Awaitable[None]]) -> None:
        self.apply = apply
        self.__name__ = getattr(apply, "__name__", "applied_together")

    async def __call__(self, uow: UnitOfWorkT, envelope: Envelope, event: Any) -> None:
        await self.apply(uow, [(envelope, event)])
