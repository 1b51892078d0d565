"""The exchange aggregate and its lifecycle: the table of allowed steps, then a function per step.

requested → accepted | declined; accepted → (commitment signed by all four) commitment_agreed →
approved (takes the quota slot) → in_progress (from the first day) → report_submitted →
completed (the visitor's cluster validated the report) | report_sent_back → report_submitted …;
completed → lump_sum_paid. Before the start either side may cancel; an approved exchange that is
cancelled frees its slot. Validation completes the exchange: there is no separate "validated"
state, because nothing happens between the two. A sent-back report has its own state, not
in_progress, so figures and reminders can tell "running" from "owes a revised report".

Every step returns an `Outcome`: the new exchange, and the public fact that happened (if any),
so the service layer maps facts to events without looking at states.
"""

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from exchange.domain import lump_sum as lump_sums
from exchange.domain.eligibility import Candidate, check_eligibility, require
from exchange.domain.errors import (
    AlreadyStarted,
    DistanceMissing,
    InvalidTransition,
    NotYetStarted,
    QuotaExhausted,
)
from exchange.domain.lump_sum import LumpSum
from exchange.domain.parties import Participant
from exchange.domain.programme import Programme, ProgrammeClosed, has_free_slot, lump_sum_cap
from exchange.domain.records import (
    AtRisk,
    ClosingReport,
    Commitment,
    Deadline,
    Fact,
    HistoryEntry,
    HostFeedback,
    Signature,
    Step,
)
from exchange.domain.vocabulary import ActivityKind, Category, State

_BEFORE_START = {Step.CANCEL}
_COMMITMENT = {Step.AMEND_COMMITMENT, Step.ENTER_DISTANCE}
_REPORTING = {Step.GIVE_FEEDBACK, Step.FLAG_OVERDUE}
_RUNNING = {Step.FLAG_AT_RISK}  # a party's membership ended while the slot is held

# The steps each state allows; any other step is refused with the current state and this list.
NEXT_STEPS: dict[State, frozenset[Step]] = {
    State.REQUESTED: frozenset({Step.ACCEPT, Step.DECLINE, *_BEFORE_START}),
    State.ACCEPTED: frozenset({Step.SIGN, *_COMMITMENT, *_BEFORE_START}),
    State.COMMITMENT_AGREED: frozenset({Step.APPROVE, *_COMMITMENT, *_BEFORE_START}),
    State.APPROVED: frozenset({Step.START, *_BEFORE_START, *_RUNNING}),
    State.IN_PROGRESS: frozenset({Step.SUBMIT_REPORT, *_REPORTING, *_RUNNING}),
    State.REPORT_SUBMITTED: frozenset({Step.VALIDATE, Step.SEND_BACK, Step.GIVE_FEEDBACK, *_RUNNING}),
    State.REPORT_SENT_BACK: frozenset({Step.SUBMIT_REPORT, *_REPORTING, *_RUNNING}),
    State.COMPLETED: frozenset({Step.RECORD_PAYMENT, Step.FLAG_OVERDUE}),
    State.LUMP_SUM_PAID: frozenset(),
    State.DECLINED: frozenset(),
    State.CANCELLED: frozenset(),
}


@dataclass(frozen=True, slots=True)
class Exchange:
    id: UUID
    programme_id: UUID
    visitor: Participant
    host: Participant
    slot_category: Category
    activity_kind: ActivityKind
    first_day: date
    last_day: date
    state: State
    lump_sum: LumpSum
    requested_at: datetime
    requested_by: UUID
    message: str | None = None
    hosting_offer_id: UUID | None = None
    mission_id: UUID | None = None
    commitment: Commitment | None = None
    signatures: tuple[Signature, ...] = ()
    report: ClosingReport | None = None
    host_feedback: HostFeedback | None = None
    review_comments: str | None = None
    closing_reason: str | None = None  # why it was declined or cancelled
    approved_at: datetime | None = None
    approved_by: UUID | None = None
    validated_at: datetime | None = None
    validated_by: UUID | None = None
    paid_at: datetime | None = None
    paid_by: UUID | None = None
    paid_amount: Decimal | None = None
    flagged: frozenset[Deadline] = frozenset()
    at_risk: AtRisk | None = None
    history: tuple[HistoryEntry, ...] = field(default=(), repr=False)
    version: int = 1


@dataclass(frozen=True, slots=True)
class Outcome:
    """The exchange after a step, the public fact it made happen (None: only the parties see it)."""

    exchange: Exchange
    fact: Fact | None
    takes_slot: bool = False
    frees_slot: bool = False

    @property
    def entry(self) -> HistoryEntry:
        return self.exchange.history[-1]


# Steps only the programme's clock or the platform takes: not offered to people as next steps.
PLATFORM_STEPS = frozenset({Step.FLAG_OVERDUE, Step.FLAG_AT_RISK})


def allowed_next(state: State) -> tuple[Step, ...]:
    """The steps a person may take next (someone, not necessarily the caller)."""
    return tuple(sorted(NEXT_STEPS[state] - PLATFORM_STEPS))


def require_step(exchange: Exchange, step: Step) -> None:
    if step not in NEXT_STEPS[exchange.state]:
        raise InvalidTransition(exchange.state, step, allowed_next(exchange.state))


def apply_step(
    exchange: Exchange,
    step: Step,
    *,
    at: datetime,
    by: UUID | None,
    to: State | None = None,
    note: str | None = None,
    **changes: Any,
) -> Exchange:
    """The exchange after an allowed step: new state (or the same), one more history entry."""
    require_step(exchange, step)
    state = to or exchange.state
    entry = HistoryEntry(step, at, by, state, note)
    return replace(
        exchange, state=state, history=(*exchange.history, entry), version=exchange.version + 1, **changes
    )


def request(
    candidate: Candidate,
    *,
    exchange_id: UUID,
    activity_kind: ActivityKind,
    at: datetime,
    by: UUID,
    message: str | None = None,
    hosting_offer_id: UUID | None = None,
    mission_id: UUID | None = None,
) -> Outcome:
    """A visiting organisation asks a host for an exchange; refused with every failing rule."""
    require(check_eligibility(candidate))
    c = candidate
    distance = lump_sums.distance_between(c.visitor.coordinates, c.host.coordinates)
    cap = lump_sum_cap(c.programme, c.host.country)
    lump_sum = lump_sums.for_stay(
        cap=cap, country=c.host.country, first_day=c.first_day, last_day=c.last_day, distance=distance
    )
    entry = HistoryEntry(Step.REQUEST, at, by, State.REQUESTED, message)
    exchange = Exchange(
        exchange_id,
        c.programme.id,
        Participant.of(c.visitor),
        Participant.of(c.host),
        c.slot_category,
        activity_kind,
        c.first_day,
        c.last_day,
        State.REQUESTED,
        lump_sum,
        requested_at=at,
        requested_by=by,
        message=message,
        hosting_offer_id=hosting_offer_id,
        mission_id=mission_id,
        history=(entry,),
    )
    return Outcome(exchange, Fact.REQUESTED)


def accept(exchange: Exchange, *, at: datetime, by: UUID) -> Outcome:
    """The host agrees; the parties now write and sign the commitment to quality."""
    return Outcome(apply_step(exchange, Step.ACCEPT, at=at, by=by, to=State.ACCEPTED), Fact.ACCEPTED)


def decline(exchange: Exchange, *, reason: str | None = None, at: datetime, by: UUID) -> Outcome:
    moved = apply_step(
        exchange, Step.DECLINE, at=at, by=by, to=State.DECLINED, note=reason, closing_reason=reason
    )
    return Outcome(moved, Fact.DECLINED)


def approve(exchange: Exchange, *, programme: Programme, slots_taken: int, at: datetime, by: UUID) -> Outcome:
    """The visitor's cluster (or an administrator) approves: the exchange takes its quota slot."""
    require_step(exchange, Step.APPROVE)
    if programme.is_closed:
        raise ProgrammeClosed(f"programme {programme.name} is closed")
    if exchange.lump_sum.amount is None:
        raise DistanceMissing("the distance between the organisations must be entered before approval")
    if not has_free_slot(programme, exchange.slot_category, taken=slots_taken):
        raise QuotaExhausted(
            f"no free slot is left for {exchange.slot_category}", category=str(exchange.slot_category)
        )
    moved = apply_step(
        exchange, Step.APPROVE, at=at, by=by, to=State.APPROVED, approved_at=at, approved_by=by
    )
    return Outcome(moved, Fact.APPROVED, takes_slot=True)


def start(exchange: Exchange, *, at: datetime, by: UUID | None = None) -> Outcome:
    """An approved exchange starts on its first day: by the programme's clock (by=None) or a person."""
    require_step(exchange, Step.START)
    if at.date() < exchange.first_day:
        raise NotYetStarted(f"the exchange starts on {exchange.first_day}", first_day=str(exchange.first_day))
    return Outcome(apply_step(exchange, Step.START, at=at, by=by, to=State.IN_PROGRESS), Fact.STARTED)


def cancel(exchange: Exchange, *, reason: str, at: datetime, by: UUID | None) -> Outcome:
    """Either side withdraws before the start; an approved exchange gives its slot back."""
    require_step(exchange, Step.CANCEL)
    # An approved exchange runs from its first day even before the clock has marked it started.
    if exchange.state is State.APPROVED and at.date() >= exchange.first_day:
        raise AlreadyStarted(
            f"the exchange started on {exchange.first_day}", current_state=str(exchange.state)
        )
    frees_slot = exchange.state is State.APPROVED
    moved = apply_step(
        exchange, Step.CANCEL, at=at, by=by, to=State.CANCELLED, note=reason, closing_reason=reason
    )
    return Outcome(moved, Fact.CANCELLED, frees_slot=frees_slot)
