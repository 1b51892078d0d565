"""When a party's membership ends: what becomes of its open exchanges.

An exchange that holds no slot yet (requested, accepted, commitment agreed) is cancelled with
the reason: nothing was promised that the programme must keep. An approved or running one is
not dropped silently: it is flagged, and the fact goes to both clusters' managers, who decide
(its slot, its report and its lump sum are real commitments). Other states are left alone.
"""

from collections.abc import Callable
from datetime import datetime
from uuid import UUID

from exchange.domain.exchanges import Exchange, Outcome, apply_step, cancel
from exchange.domain.records import AtRisk, Fact, Step
from exchange.domain.vocabulary import State

CANCELLED_STATES = frozenset({State.REQUESTED, State.ACCEPTED, State.COMMITMENT_AGREED})
FLAGGED_STATES = frozenset(
    {State.APPROVED, State.IN_PROGRESS, State.REPORT_SUBMITTED, State.REPORT_SENT_BACK}
)
OPEN_STATES = CANCELLED_STATES | FLAGGED_STATES


def side_of_party(exchange: Exchange, organisation_id: UUID) -> str:
    return "visitor" if exchange.visitor.organisation_id == organisation_id else "host"


def reason_for(exchange: Exchange, organisation_id: UUID, why: str) -> str:
    return f"The {side_of_party(exchange, organisation_id)} organisation's membership ended ({why})."


def flag_at_risk(exchange: Exchange, *, organisation_id: UUID, why: str, at: datetime) -> Outcome:
    """Mark an approved or running exchange for both clusters' managers to decide on."""
    reason = reason_for(exchange, organisation_id, why)
    at_risk = AtRisk(organisation_id, side_of_party(exchange, organisation_id), reason, at)
    moved = apply_step(exchange, Step.FLAG_AT_RISK, at=at, by=None, note=reason, at_risk=at_risk)
    return Outcome(moved, Fact.AT_RISK_FLAGGED)


def _cancel(exchange: Exchange, *, organisation_id: UUID, why: str, at: datetime) -> Outcome:
    return cancel(exchange, reason=reason_for(exchange, organisation_id, why), at=at, by=None)


_REACTIONS: dict[State, Callable[..., Outcome]] = {
    **{state: _cancel for state in CANCELLED_STATES},
    **{state: flag_at_risk for state in FLAGGED_STATES},
}


def on_membership_ended(
    exchange: Exchange, *, organisation_id: UUID, why: str, at: datetime
) -> Outcome | None:
    """The exchange after a party's membership ended; None when it is not open any more."""
    reaction = _REACTIONS.get(exchange.state)
    if reaction is None:
        return None
    return reaction(exchange, organisation_id=organisation_id, why=why, at=at)
