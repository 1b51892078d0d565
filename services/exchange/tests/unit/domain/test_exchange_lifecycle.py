"""The exchange state machine: each step from where it is allowed, and refused everywhere else."""

from datetime import date, timedelta
from decimal import Decimal
from uuid import uuid4

import pytest

from exchange.domain import closing, commitment, exchanges
from exchange.domain.eligibility import NotEligible
from exchange.domain.errors import (
    AlreadyStarted,
    DistanceMissing,
    InvalidTransition,
    NotYetStarted,
    QuotaExhausted,
)
from exchange.domain.exchanges import NEXT_STEPS, allowed_next
from exchange.domain.programme import ProgrammeClosed, close
from exchange.domain.records import Fact, Signatory, Step
from exchange.domain.vocabulary import ActivityKind, Category, State

from . import builders as b

MANAGER = uuid4()

BUILT = {
    State.REQUESTED: b.requested,
    State.ACCEPTED: b.accepted,
    State.COMMITMENT_AGREED: b.agreed,
    State.APPROVED: b.approved,
    State.IN_PROGRESS: b.in_progress,
    State.REPORT_SUBMITTED: b.report_submitted,
    State.REPORT_SENT_BACK: b.report_sent_back,
    State.COMPLETED: b.completed,
    State.LUMP_SUM_PAID: b.paid,
    State.DECLINED: b.declined,
    State.CANCELLED: b.cancelled,
}
LATER = b.at(date(2027, 3, 20))
STEPS = {
    Step.ACCEPT: lambda e: exchanges.accept(e, at=b.NOW, by=b.PERSON),
    Step.DECLINE: lambda e: exchanges.decline(e, at=b.NOW, by=b.PERSON),
    Step.AMEND_COMMITMENT: lambda e: commitment.amend_commitment(
        e, b.a_commitment(goal="other"), programme=b.a_programme(), at=b.NOW, by=b.PERSON
    ),
    Step.SIGN: lambda e: commitment.sign(e, Signatory.HOST, at=b.NOW, by=b.PERSON),
    Step.ENTER_DISTANCE: lambda e: commitment.enter_distance(e, Decimal(300), at=b.NOW, by=MANAGER),
    Step.APPROVE: lambda e: exchanges.approve(
        e, programme=b.a_programme(), slots_taken=0, at=b.NOW, by=MANAGER
    ),
    Step.START: lambda e: exchanges.start(e, at=LATER),
    Step.CANCEL: lambda e: exchanges.cancel(e, reason="no", at=b.NOW, by=b.PERSON),
    Step.SUBMIT_REPORT: lambda e: closing.submit_report(e, b.a_report(), at=LATER, by=b.PERSON),
    Step.GIVE_FEEDBACK: lambda e: closing.give_feedback(e, "good visitor", at=LATER, by=b.PERSON),
    Step.SEND_BACK: lambda e: closing.send_back(e, comments="more", at=LATER, by=MANAGER),
    Step.VALIDATE: lambda e: closing.validate(e, at=LATER, by=MANAGER),
    Step.RECORD_PAYMENT: lambda e: closing.record_payment(e, at=LATER, by=MANAGER),
}
REFUSED = [(state, step) for state in State for step in STEPS if step not in NEXT_STEPS[state]]


def test_every_state_has_a_row_in_the_table_and_only_the_ends_have_no_way_out():
    assert set(NEXT_STEPS) == set(State)
    assert {s for s, steps in NEXT_STEPS.items() if not steps} == {
        State.DECLINED,
        State.CANCELLED,
        State.LUMP_SUM_PAID,
    }


@pytest.mark.parametrize(("state", "step"), REFUSED, ids=[f"{s}-{t}" for s, t in REFUSED])
def test_a_step_not_allowed_is_refused_with_the_current_state_and_the_allowed_next_steps(state, step):
    exchange = BUILT[state]()
    assert exchange.state is state
    with pytest.raises(InvalidTransition) as refused:
        STEPS[step](exchange)
    assert refused.value.extra["current_state"] == str(state)
    assert refused.value.extra["requested_step"] == str(step)
    assert refused.value.extra["allowed_next"] == [str(s) for s in allowed_next(state)]


def test_a_request_is_eligible_or_refused_with_every_failing_rule():
    with pytest.raises(NotEligible) as refused:
        b.requested(b.a_candidate(visits_so_far=1, host=b.a_host(country="PT")))
    assert [r["code"] for r in refused.value.extra["refusals"]] == ["same-country", "already-visited"]


def test_a_request_records_both_sides_its_slot_and_its_lump_sum_and_is_announced():
    candidate = b.a_candidate(host=b.a_host(category=Category.PUBLIC_BODY))
    outcome = exchanges.request(
        candidate,
        exchange_id=uuid4(),
        activity_kind=ActivityKind.NETWORKING,
        at=b.NOW,
        by=b.PERSON,
        message="hello",
    )
    exchange = outcome.exchange
    assert (outcome.fact, exchange.state, exchange.slot_category) == (
        Fact.REQUESTED,
        State.REQUESTED,
        Category.PUBLIC_BODY,
    )
    assert exchange.visitor.organisation_id == candidate.visitor.organisation_id
    assert exchange.host.cluster_id == candidate.host.cluster_id
    assert (exchange.lump_sum.cap, exchange.lump_sum.working_days, exchange.lump_sum.amount) == (
        Decimal("900.00"),
        5,
        Decimal("900.00"),
    )
    assert (outcome.entry.step, outcome.entry.by, outcome.entry.note) == (Step.REQUEST, b.PERSON, "hello")


def test_the_host_accepts_a_request():
    outcome = exchanges.accept(b.requested(), at=b.NOW, by=b.PERSON)
    assert (outcome.exchange.state, outcome.fact) == (State.ACCEPTED, Fact.ACCEPTED)


def test_the_host_declines_a_request_with_a_reason():
    outcome = exchanges.decline(b.requested(), reason="fully booked", at=b.NOW, by=b.PERSON)
    assert (outcome.exchange.state, outcome.fact, outcome.exchange.closing_reason) == (
        State.DECLINED,
        Fact.DECLINED,
        "fully booked",
    )


def test_approval_takes_the_quota_slot_and_records_who_approved():
    outcome = exchanges.approve(b.agreed(), programme=b.a_programme(), slots_taken=74, at=b.NOW, by=MANAGER)
    assert (outcome.exchange.state, outcome.fact, outcome.takes_slot) == (State.APPROVED, Fact.APPROVED, True)
    assert (outcome.exchange.approved_by, outcome.exchange.approved_at) == (MANAGER, b.NOW)


def test_approval_is_refused_when_the_last_slot_is_gone():
    with pytest.raises(QuotaExhausted) as refused:
        exchanges.approve(b.agreed(), programme=b.a_programme(), slots_taken=75, at=b.NOW, by=MANAGER)
    assert refused.value.code == "quota-exhausted"


def test_approval_is_refused_in_a_closed_programme():
    closed = close(b.a_programme(), at=b.NOW)
    with pytest.raises(ProgrammeClosed):
        exchanges.approve(b.agreed(), programme=closed, slots_taken=0, at=b.NOW, by=MANAGER)


def test_approval_waits_for_the_distance_when_coordinates_are_missing():
    exchange = b.agreed(b.a_candidate(visitor=b.a_party(coordinates=None)))
    with pytest.raises(DistanceMissing):
        exchanges.approve(exchange, programme=b.a_programme(), slots_taken=0, at=b.NOW, by=MANAGER)
    entered = commitment.enter_distance(exchange, Decimal(850), at=b.NOW, by=MANAGER).exchange
    outcome = exchanges.approve(entered, programme=b.a_programme(), slots_taken=0, at=b.NOW, by=MANAGER)
    assert outcome.exchange.state is State.APPROVED


def test_an_approved_exchange_starts_on_its_first_day_not_before():
    with pytest.raises(NotYetStarted):
        exchanges.start(b.approved(), at=b.at(b.FIRST_DAY - timedelta(days=1), 23))
    outcome = exchanges.start(b.approved(), at=b.at(b.FIRST_DAY, 0))
    assert (outcome.exchange.state, outcome.fact, outcome.entry.by) == (State.IN_PROGRESS, Fact.STARTED, None)


@pytest.mark.parametrize("state", [State.REQUESTED, State.ACCEPTED, State.COMMITMENT_AGREED])
def test_cancelling_before_approval_frees_no_slot(state):
    outcome = exchanges.cancel(BUILT[state](), reason="plans changed", at=b.NOW, by=b.PERSON)
    assert (outcome.exchange.state, outcome.fact, outcome.frees_slot) == (
        State.CANCELLED,
        Fact.CANCELLED,
        False,
    )
    assert outcome.exchange.closing_reason == "plans changed"


def test_cancelling_an_approved_exchange_before_its_first_day_frees_its_slot():
    outcome = exchanges.cancel(
        b.approved(), reason="ill", at=b.at(b.FIRST_DAY - timedelta(days=1)), by=b.PERSON
    )
    assert (outcome.exchange.state, outcome.frees_slot) == (State.CANCELLED, True)


def test_an_approved_exchange_cannot_be_cancelled_from_its_first_day():
    with pytest.raises(AlreadyStarted):
        exchanges.cancel(b.approved(), reason="too late", at=b.at(b.FIRST_DAY), by=b.PERSON)


def test_the_history_says_who_did_what_and_when_and_each_step_raises_the_version():
    exchange = b.paid()
    steps = [entry.step for entry in exchange.history]
    assert steps[:3] == [Step.REQUEST, Step.ACCEPT, Step.AMEND_COMMITMENT]
    assert steps[-4:] == [Step.START, Step.SUBMIT_REPORT, Step.VALIDATE, Step.RECORD_PAYMENT]
    assert exchange.history[-1].state is State.LUMP_SUM_PAID
    assert exchange.version == len(exchange.history)
