"""After the exchange: report, review, payment, and deadlines flagged once each."""

from datetime import date, timedelta

import pytest

from exchange.domain import closing
from exchange.domain.errors import ReportTooEarly
from exchange.domain.records import Deadline, Fact
from exchange.domain.vocabulary import State

from . import builders as b


def test_the_report_can_be_submitted_from_the_last_day_on():
    with pytest.raises(ReportTooEarly):
        closing.submit_report(
            b.in_progress(), b.a_report(), at=b.at(b.LAST_DAY - timedelta(days=1)), by=b.PERSON
        )
    report = b.a_report()
    outcome = closing.submit_report(b.in_progress(), report, at=b.at(b.LAST_DAY), by=b.PERSON)
    assert (outcome.exchange.state, outcome.fact) == (State.REPORT_SUBMITTED, Fact.REPORT_SUBMITTED)
    assert outcome.exchange.report == report


def test_the_host_gives_feedback_without_changing_the_state():
    for exchange in (b.in_progress(), b.report_submitted(), b.report_sent_back()):
        outcome = closing.give_feedback(exchange, "a curious visitor", at=b.at(b.LAST_DAY), by=b.PERSON)
        assert outcome.exchange.state is exchange.state and outcome.fact is None
        assert (
            outcome.exchange.host_feedback is not None
            and outcome.exchange.host_feedback.text == "a curious visitor"
        )


def test_a_report_sent_back_keeps_the_comments_and_can_be_submitted_again():
    sent_back = closing.send_back(
        b.report_submitted(), comments="add photos", at=b.at(b.LAST_DAY), by=b.PERSON
    )
    assert (sent_back.exchange.state, sent_back.fact) == (State.REPORT_SENT_BACK, Fact.REPORT_SENT_BACK)
    assert sent_back.exchange.review_comments == "add photos"
    again = closing.submit_report(sent_back.exchange, b.a_report(), at=b.at(b.LAST_DAY, 20), by=b.PERSON)
    assert again.exchange.state is State.REPORT_SUBMITTED


def test_validating_the_report_completes_the_exchange_and_sets_the_payment_deadline():
    outcome = closing.validate(b.report_submitted(), at=b.at(date(2027, 3, 10)), by=b.PERSON)
    assert (outcome.exchange.state, outcome.fact) == (State.COMPLETED, Fact.COMPLETED)
    assert closing.payment_due(outcome.exchange) == date(2027, 3, 20)


def test_recording_the_payment_keeps_the_amount_paid():
    outcome = closing.record_payment(b.completed(), at=b.at(date(2027, 3, 15)), by=b.PERSON)
    assert (outcome.exchange.state, outcome.fact) == (State.LUMP_SUM_PAID, Fact.LUMP_SUM_PAID)
    assert outcome.exchange.paid_amount == outcome.exchange.lump_sum.amount


def test_the_report_is_due_thirty_days_after_the_last_day():
    assert closing.report_due(b.in_progress()) == date(2027, 4, 4)
    assert closing.payment_due(b.in_progress()) is None


def test_a_missing_report_is_flagged_once_after_its_due_date():
    running = b.in_progress()
    assert closing.flag_overdue(running, at=b.at(date(2027, 4, 4))) is None
    outcome = closing.flag_overdue(running, at=b.at(date(2027, 4, 5)))
    assert outcome is not None and outcome.fact is Fact.REPORT_OVERDUE
    assert outcome.exchange.flagged == {Deadline.REPORT}
    assert closing.flag_overdue(outcome.exchange, at=b.at(date(2027, 5, 1))) is None


def test_a_sent_back_report_still_owes_its_deadline():
    assert closing.overdue(b.report_sent_back(), on=date(2027, 4, 5)) is Deadline.REPORT


def test_a_submitted_report_is_not_overdue():
    assert closing.flag_overdue(b.report_submitted(), at=b.at(date(2027, 6, 1))) is None


def test_an_unpaid_lump_sum_is_flagged_once_ten_days_after_validation():
    done = b.completed()  # validated on 10 March 2027
    assert closing.flag_overdue(done, at=b.at(date(2027, 3, 20))) is None
    outcome = closing.flag_overdue(done, at=b.at(date(2027, 3, 21)))
    assert outcome is not None and outcome.fact is Fact.PAYMENT_OVERDUE
    assert closing.flag_overdue(outcome.exchange, at=b.at(date(2027, 4, 21))) is None
    assert closing.flag_overdue(b.paid(), at=b.at(date(2027, 4, 21))) is None
