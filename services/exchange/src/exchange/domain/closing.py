"""After the exchange: the closing report, its review, the payment, and the deadlines as data."""

from datetime import date, datetime, timedelta
from uuid import UUID

from exchange.domain.errors import ReportTooEarly
from exchange.domain.exchanges import Exchange, Outcome, apply_step, require_step
from exchange.domain.records import ClosingReport, Deadline, Fact, HostFeedback, Step
from exchange.domain.vocabulary import State

REPORT_DUE_AFTER_LAST_DAY = timedelta(days=30)
PAYMENT_DUE_AFTER_VALIDATION = timedelta(days=10)


def submit_report(exchange: Exchange, report: ClosingReport, *, at: datetime, by: UUID) -> Outcome:
    """The visitor hands in the closing report (again, after it was sent back), from the last day on."""
    require_step(exchange, Step.SUBMIT_REPORT)
    if at.date() < exchange.last_day:
        raise ReportTooEarly(
            f"the report can be submitted from {exchange.last_day}", last_day=str(exchange.last_day)
        )
    moved = apply_step(exchange, Step.SUBMIT_REPORT, at=at, by=by, to=State.REPORT_SUBMITTED, report=report)
    return Outcome(moved, Fact.REPORT_SUBMITTED)


def give_feedback(exchange: Exchange, text: str, *, at: datetime, by: UUID) -> Outcome:
    """The host's short feedback; it goes with the report but does not hold up its review."""
    feedback = HostFeedback(text, given_at=at, given_by=by)
    return Outcome(apply_step(exchange, Step.GIVE_FEEDBACK, at=at, by=by, host_feedback=feedback), None)


def send_back(exchange: Exchange, *, comments: str, at: datetime, by: UUID) -> Outcome:
    """The visitor's cluster asks for a better report; the visitor submits it again."""
    moved = apply_step(
        exchange,
        Step.SEND_BACK,
        at=at,
        by=by,
        to=State.REPORT_SENT_BACK,
        note=comments,
        review_comments=comments,
    )
    return Outcome(moved, Fact.REPORT_SENT_BACK)


def validate(exchange: Exchange, *, at: datetime, by: UUID) -> Outcome:
    """The visitor's cluster accepts the report: the exchange is completed and counts."""
    moved = apply_step(
        exchange, Step.VALIDATE, at=at, by=by, to=State.COMPLETED, validated_at=at, validated_by=by
    )
    return Outcome(moved, Fact.COMPLETED)


def record_payment(exchange: Exchange, *, at: datetime, by: UUID) -> Outcome:
    """The visitor's cluster records that the lump sum was paid to the visitor."""
    require_step(exchange, Step.RECORD_PAYMENT)
    paid = exchange.lump_sum.amount
    moved = apply_step(
        exchange,
        Step.RECORD_PAYMENT,
        at=at,
        by=by,
        to=State.LUMP_SUM_PAID,
        paid_at=at,
        paid_by=by,
        paid_amount=paid,
    )
    return Outcome(moved, Fact.LUMP_SUM_PAID)


def report_due(exchange: Exchange) -> date:
    return exchange.last_day + REPORT_DUE_AFTER_LAST_DAY


def payment_due(exchange: Exchange) -> date | None:
    if exchange.validated_at is None:
        return None
    return exchange.validated_at.date() + PAYMENT_DUE_AFTER_VALIDATION


# Each deadline: the states in which it runs, when it falls due, and the fact of missing it.
_DEADLINES = {
    Deadline.REPORT: (
        frozenset({State.IN_PROGRESS, State.REPORT_SENT_BACK}),
        report_due,
        Fact.REPORT_OVERDUE,
    ),
    Deadline.PAYMENT: (frozenset({State.COMPLETED}), payment_due, Fact.PAYMENT_OVERDUE),
}


def overdue(exchange: Exchange, *, on: date) -> Deadline | None:
    """The deadline this exchange has passed on `on` and was not flagged for yet (at most one runs)."""
    for deadline, (states, due, _) in _DEADLINES.items():
        due_on = due(exchange)
        if (
            exchange.state in states
            and due_on is not None
            and on > due_on
            and deadline not in exchange.flagged
        ):
            return deadline
    return None


def flag_overdue(exchange: Exchange, *, at: datetime) -> Outcome | None:
    """The sweeper notes a passed deadline, once per deadline; None when there is nothing to flag."""
    deadline = overdue(exchange, on=at.date())
    if deadline is None:
        return None
    flagged = exchange.flagged | {deadline}
    moved = apply_step(exchange, Step.FLAG_OVERDUE, at=at, by=None, note=str(deadline), flagged=flagged)
    return Outcome(moved, _DEADLINES[deadline][2])
