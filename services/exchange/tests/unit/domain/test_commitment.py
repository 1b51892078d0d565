"""The commitment to quality: four signatures agree it, and any change clears them."""

from datetime import date
from decimal import Decimal
from uuid import uuid4

import pytest

from exchange.domain import commitment
from exchange.domain.commitment import missing_signatures
from exchange.domain.eligibility import NotEligible
from exchange.domain.errors import NoCommitment
from exchange.domain.lump_sum import DistanceSource
from exchange.domain.records import Commitment, DayPlan, Fact, InvalidCommitment, Signatory
from exchange.domain.vocabulary import State

from . import builders as b


def test_the_commitment_can_only_be_signed_once_it_is_written():
    with pytest.raises(NoCommitment):
        commitment.sign(b.accepted(), Signatory.VISITOR, at=b.NOW, by=b.PERSON)


def test_writing_the_commitment_sets_the_dates_of_the_exchange_and_recomputes_the_lump_sum():
    # Monday 4 to Friday 8 January 2027 in Spain: four working days (Epiphany), so half the cap.
    written = b.a_commitment(date(2027, 1, 4), date(2027, 1, 8))
    outcome = commitment.amend_commitment(
        b.accepted(), written, programme=b.a_programme(), at=b.NOW, by=b.PERSON
    )
    exchange = outcome.exchange
    assert (exchange.first_day, exchange.last_day, exchange.commitment) == (
        written.first_day,
        written.last_day,
        written,
    )
    assert (exchange.lump_sum.working_days, exchange.lump_sum.amount) == (4, Decimal("450.00"))
    assert outcome.fact is None  # only the parties see drafts


def test_three_signatures_are_not_yet_an_agreement():
    outcome = commitment.sign(
        b.signed_by(b.with_commitment(), Signatory.VISITOR, Signatory.HOST),
        Signatory.HOST_CLUSTER,
        at=b.NOW,
        by=b.PERSON,
    )
    assert (outcome.exchange.state, outcome.fact) == (State.ACCEPTED, None)
    assert missing_signatures(outcome.exchange) == (Signatory.VISITOR_CLUSTER,)


def test_the_fourth_signature_agrees_the_commitment():
    almost = b.signed_by(b.with_commitment(), Signatory.VISITOR, Signatory.HOST, Signatory.HOST_CLUSTER)
    outcome = commitment.sign(almost, Signatory.VISITOR_CLUSTER, at=b.NOW, by=b.PERSON)
    assert (outcome.exchange.state, outcome.fact) == (State.COMMITMENT_AGREED, Fact.COMMITMENT_AGREED)
    assert missing_signatures(outcome.exchange) == ()


def test_signing_twice_for_the_same_party_keeps_one_signature_the_latest():
    other = uuid4()
    twice = b.signed_by(b.signed_by(b.with_commitment(), Signatory.HOST), Signatory.HOST, by=other)
    assert [(s.signatory, s.by) for s in twice.signatures] == [(Signatory.HOST, other)]


def test_any_change_after_a_signature_clears_all_signatures():
    signed = b.signed_by(b.with_commitment(), Signatory.VISITOR, Signatory.HOST)
    changed = commitment.amend_commitment(
        signed, b.a_commitment(goal="learn knitting"), programme=b.a_programme(), at=b.NOW, by=b.PERSON
    )
    assert changed.exchange.signatures == ()
    assert changed.entry.note == "signatures cleared"


def test_a_change_after_agreement_takes_the_exchange_back_to_signing():
    changed = commitment.amend_commitment(
        b.agreed(), b.a_commitment(goal="learn knitting"), programme=b.a_programme(), at=b.NOW, by=b.PERSON
    )
    assert (changed.exchange.state, changed.exchange.signatures, changed.fact) == (State.ACCEPTED, (), None)


def test_saving_the_same_commitment_again_changes_nothing_and_keeps_the_signatures():
    agreed = b.agreed()
    assert agreed.commitment is not None
    unchanged = commitment.amend_commitment(
        agreed, agreed.commitment, programme=b.a_programme(), at=b.NOW, by=b.PERSON
    )
    assert unchanged.exchange is agreed


def test_new_dates_in_the_commitment_must_still_be_eligible():
    too_short = b.a_commitment(date(2027, 3, 6), date(2027, 3, 7))
    with pytest.raises(NotEligible) as refused:
        commitment.amend_commitment(b.accepted(), too_short, programme=b.a_programme(), at=b.NOW, by=b.PERSON)
    assert [r.code for r in refused.value.refusals] == ["too-short"]


def test_a_commitment_needs_goals_results_and_an_agenda_inside_its_dates():
    with pytest.raises(InvalidCommitment) as refused:
        Commitment((" ",), (DayPlan(date(2027, 4, 1), "x"),), (), date(2027, 3, 1), date(2027, 3, 5))
    assert len(refused.value.extra["missing"]) == 3


def test_a_manager_enters_a_missing_distance_and_is_recorded_as_its_source():
    manager = uuid4()
    exchange = b.accepted(b.a_candidate(host=b.a_host(coordinates=None)))
    assert exchange.lump_sum.distance_missing and exchange.lump_sum.amount is None
    outcome = commitment.enter_distance(exchange, Decimal(180), at=b.NOW, by=manager)
    distance = outcome.exchange.lump_sum.distance
    assert distance is not None
    assert (distance.source, distance.entered_by, distance.km) == (
        DistanceSource.ENTERED_BY_MANAGER,
        manager,
        180,
    )
    assert outcome.exchange.lump_sum.amount == Decimal("450.00")
    assert (outcome.fact, outcome.exchange.state) == (None, State.ACCEPTED)


def test_an_entered_distance_survives_a_change_of_dates():
    exchange = commitment.enter_distance(
        b.accepted(b.a_candidate(host=b.a_host(coordinates=None))), Decimal(900), at=b.NOW, by=b.PERSON
    ).exchange
    changed = commitment.amend_commitment(
        exchange, b.a_commitment(), programme=b.a_programme(), at=b.NOW, by=b.PERSON
    )
    assert changed.exchange.lump_sum.amount == Decimal("900.00")
