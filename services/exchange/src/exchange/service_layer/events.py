"""Domain facts → contract events: one builder per fact, chosen by lookup, never by state."""

from collections.abc import Callable
from decimal import Decimal
from uuid import UUID

from cloth_shared.contracts import exchange as contract
from cloth_shared.contracts.envelope import Event
from exchange.domain import closing
from exchange.domain.exchanges import Exchange, Outcome
from exchange.domain.lump_sum import LumpSum
from exchange.domain.records import Fact


def snapshot(exchange: Exchange) -> contract.ExchangeSnapshot:
    e = exchange
    return contract.ExchangeSnapshot(
        exchange_id=e.id,
        programme_id=e.programme_id,
        visitor_organisation_id=e.visitor.organisation_id,
        host_organisation_id=e.host.organisation_id,
        visitor_category=e.visitor.category.value,
        host_category=e.host.category.value,
        slot_category=e.slot_category.value,
        visitor_country=e.visitor.country,
        host_country=e.host.country,
        visitor_cluster_id=e.visitor.cluster_id,
        host_cluster_id=e.host.cluster_id,
        first_day=e.first_day,
        last_day=e.last_day,
        activity_kind=e.activity_kind.value,
        group_mission_id=e.mission_id,
    )


def breakdown(lump_sum: LumpSum) -> contract.LumpSumBreakdown:
    distance = lump_sum.distance
    return contract.LumpSumBreakdown(
        amount_eur=lump_sum.amount,
        cap_eur=lump_sum.cap,
        working_days=lump_sum.working_days,
        distance_km=None if distance is None else distance.km,
        distance_source=None if distance is None else distance.source.value,
        halved_reasons=tuple(reason.value for reason in lump_sum.halved_reasons),
    )


def _by(outcome: Outcome) -> UUID:
    by = outcome.entry.by
    assert by is not None, "a person took this step, not the clock"
    return by


def _requested(o: Outcome) -> Event:
    e = o.exchange
    return contract.ExchangeRequested(
        exchange=snapshot(e),
        requested_by=e.requested_by,
        requested_at=e.requested_at,
        hosting_offer_id=e.hosting_offer_id,
    )


def _accepted(o: Outcome) -> Event:
    return contract.ExchangeAccepted(
        exchange=snapshot(o.exchange), accepted_by=_by(o), accepted_at=o.entry.at
    )


def _declined(o: Outcome) -> Event:
    e = o.exchange
    return contract.ExchangeDeclined(
        exchange=snapshot(e), declined_by=_by(o), declined_at=o.entry.at, reason=e.closing_reason
    )


def _commitment_agreed(o: Outcome) -> Event:
    e = o.exchange
    assert e.commitment is not None
    return contract.ExchangeCommitmentAgreed(
        exchange=snapshot(e),
        agreed_at=o.entry.at,
        goals=e.commitment.goals,
        expected_results=e.commitment.expected_results,
        lump_sum=breakdown(e.lump_sum),
    )


def _approved(o: Outcome) -> Event:
    e = o.exchange
    return contract.ExchangeApproved(
        exchange=snapshot(e), approved_by=_by(o), approved_at=o.entry.at, lump_sum=breakdown(e.lump_sum)
    )


def _started(o: Outcome) -> Event:
    return contract.ExchangeStarted(exchange=snapshot(o.exchange), started_at=o.entry.at)


def _report_submitted(o: Outcome) -> Event:
    e = o.exchange
    evidence = 0 if e.report is None else len(e.report.evidence_ids)
    return contract.ExchangeReportSubmitted(
        exchange=snapshot(e), submitted_by=_by(o), submitted_at=o.entry.at, evidence_count=evidence
    )


def _report_sent_back(o: Outcome) -> Event:
    e = o.exchange
    return contract.ExchangeReportSentBack(
        exchange=snapshot(e), sent_back_by=_by(o), sent_back_at=o.entry.at, comments=e.review_comments or ""
    )


def _completed(o: Outcome) -> Event:
    e = o.exchange
    shared = e.report is not None and e.report.share_summary
    due = closing.payment_due(e)
    assert due is not None
    assert e.report is not None
    return contract.ExchangeCompleted(
        exchange=snapshot(e),
        validated_by=_by(o),
        completed_at=o.entry.at,
        payment_due=due,
        lump_sum=breakdown(e.lump_sum),
        shared_summary=e.report.summary if shared else None,
        shared_lessons_learned=e.report.lessons_learned if shared else None,
    )


def _cancelled(o: Outcome) -> Event:
    e = o.exchange
    return contract.ExchangeCancelled(
        exchange=snapshot(e),
        cancelled_by=o.entry.by,
        cancelled_at=o.entry.at,
        reason=e.closing_reason or "",
        slot_freed=o.frees_slot,
    )


def _paid(o: Outcome) -> Event:
    e = o.exchange
    return contract.LumpSumPaid(
        exchange=snapshot(e), amount_eur=e.paid_amount or Decimal(0), recorded_by=_by(o), paid_at=o.entry.at
    )


def _report_overdue(o: Outcome) -> Event:
    e = o.exchange
    return contract.ExchangeReportOverdue(
        exchange=snapshot(e), report_due=closing.report_due(e), noticed_at=o.entry.at
    )


def _payment_overdue(o: Outcome) -> Event:
    e = o.exchange
    due = closing.payment_due(e)
    assert due is not None
    assert e.lump_sum.amount is not None
    return contract.LumpSumPaymentOverdue(
        exchange=snapshot(e), payment_due=due, amount_eur=e.lump_sum.amount, noticed_at=o.entry.at
    )


def _at_risk(o: Outcome) -> Event:
    e = o.exchange
    assert e.at_risk is not None
    return contract.ExchangeAtRiskFlagged(
        exchange=snapshot(e),
        organisation_id=e.at_risk.organisation_id,
        side=e.at_risk.side,  # type: ignore[arg-type]
        reason=e.at_risk.reason,
        state=e.state.value,
        flagged_at=e.at_risk.flagged_at,
    )


ANNOUNCEMENTS: dict[Fact, Callable[[Outcome], Event]] = {
    Fact.REQUESTED: _requested,
    Fact.ACCEPTED: _accepted,
    Fact.DECLINED: _declined,
    Fact.COMMITMENT_AGREED: _commitment_agreed,
    Fact.APPROVED: _approved,
    Fact.STARTED: _started,
    Fact.REPORT_SUBMITTED: _report_submitted,
    Fact.REPORT_SENT_BACK: _report_sent_back,
    Fact.COMPLETED: _completed,
    Fact.CANCELLED: _cancelled,
    Fact.LUMP_SUM_PAID: _paid,
    Fact.REPORT_OVERDUE: _report_overdue,
    Fact.PAYMENT_OVERDUE: _payment_overdue,
    Fact.AT_RISK_FLAGGED: _at_risk,
}


def announcement(outcome: Outcome) -> Event | None:
    """The event that tells the world what happened; None for steps only the parties see."""
    return None if outcome.fact is None else ANNOUNCEMENTS[outcome.fact](outcome)
