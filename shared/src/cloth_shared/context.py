"""The correlation id of the flow being handled, carried from HTTP into events and consumers."""

from contextvars import ContextVar
from uuid import UUID, uuid4

import structlog

_correlation_id: ContextVar[str | None] = ContextVar("correlation_id", default=None)
_causation_id: ContextVar[UUID | None] = ContextVar("causation_id", default=None)


def current_correlation_id() -> str:
    """The flow's correlation id; a fresh one when nothing started a flow (e.g. a timer)."""
    value = _correlation_id.get()
    if value is None:
        value = str(uuid4())
        bind_flow(value)
    return value


def current_causation_id() -> UUID | None:
    """The id of the event being consumed, which becomes the cause of events emitted now."""
    return _causation_id.get()


def bind_flow(correlation_id: str, causation_id: UUID | None = None) -> None:
    _correlation_id.set(correlation_id)
    _causation_id.set(causation_id)
    structlog.contextvars.bind_contextvars(correlation_id=correlation_id)
