"""Why a step on an exchange is refused: each a domain error kind with a stable code."""

from collections.abc import Iterable

from cloth_shared.errors import Conflict
from exchange.domain.records import Step
from exchange.domain.vocabulary import State


class InvalidTransition(Conflict):
    """The step is not allowed in the current state; says which steps are."""

    code = "invalid-exchange-transition"

    def __init__(self, current: State, step: Step, allowed: Iterable[Step]) -> None:
        super().__init__(
            f"an exchange that is {current} cannot {step.replace('_', ' ')}",
            current_state=str(current),
            requested_step=str(step),
            allowed_next=[str(s) for s in allowed],
        )


class NotYetStarted(Conflict):
    code = "exchange-not-started"


class AlreadyStarted(Conflict):
    code = "exchange-already-started"


class DistanceMissing(Conflict):
    code = "distance-missing"


class QuotaExhausted(Conflict):
    code = "quota-exhausted"


class NoCommitment(Conflict):
    code = "no-commitment"


class ReportTooEarly(Conflict):
    code = "report-before-last-day"
