"""What the programme's clock does to an exchange on a given day: start it, or note a deadline.

The sweeper asks this of every exchange the storage finds due; the answer depends on the
state through a lookup, and is None when there is nothing to do (yet, or any more).
"""

from collections.abc import Callable
from datetime import datetime

from exchange.domain import closing, exchanges
from exchange.domain.exchanges import Exchange, Outcome
from exchange.domain.vocabulary import State


def _start_when_due(exchange: Exchange, *, at: datetime) -> Outcome | None:
    return exchanges.start(exchange, at=at) if at.date() >= exchange.first_day else None


_CLOCK_STEPS: dict[State, Callable[..., Outcome | None]] = {State.APPROVED: _start_when_due}


def clock_step(exchange: Exchange, *, at: datetime) -> Outcome | None:
    """Start an approved exchange from its first day; otherwise flag a passed deadline, once."""
    step = _CLOCK_STEPS.get(exchange.state, closing.flag_overdue)
    return step(exchange, at=at)
