"""The values an exchange carries: its commitment to quality, signatures, report, history."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from cloth_shared.errors import InvalidInput
from exchange.domain.vocabulary import State


class Signatory(StrEnum):
    """The four who sign the commitment to quality."""

    VISITOR = "visitor"
    HOST = "host"
    VISITOR_CLUSTER = "visitor_cluster"
    HOST_CLUSTER = "host_cluster"


class Step(StrEnum):
    """What can be done to an exchange; `allowed_next` answers with these."""

    REQUEST = "request"
    ACCEPT = "accept"
    DECLINE = "decline"
    AMEND_COMMITMENT = "amend_commitment"
    SIGN = "sign"
    ENTER_DISTANCE = "enter_distance"
    APPROVE = "approve"
    START = "start"
    CANCEL = "cancel"
    SUBMIT_REPORT = "submit_report"
    GIVE_FEEDBACK = "give_feedback"
    SEND_BACK = "send_back"
    VALIDATE = "validate"
    RECORD_PAYMENT = "record_payment"
    FLAG_OVERDUE = "flag_overdue"
    FLAG_AT_RISK = "flag_at_risk"


class Fact(StrEnum):
    """A fact the outside world hears about; the value is the event type that announces it."""

    REQUESTED = "ExchangeRequested"
    ACCEPTED = "ExchangeAccepted"
    DECLINED = "ExchangeDeclined"
    COMMITMENT_AGREED = "ExchangeCommitmentAgreed"
    APPROVED = "ExchangeApproved"
    STARTED = "ExchangeStarted"
    REPORT_SUBMITTED = "ExchangeReportSubmitted"
    REPORT_SENT_BACK = "ExchangeReportSentBack"
    COMPLETED = "ExchangeCompleted"
    CANCELLED = "ExchangeCancelled"
    LUMP_SUM_PAID = "LumpSumPaid"
    REPORT_OVERDUE = "ExchangeReportOverdue"
    PAYMENT_OVERDUE = "LumpSumPaymentOverdue"
    AT_RISK_FLAGGED = "ExchangeAtRiskFlagged"


class Deadline(StrEnum):
    REPORT = "report"
    PAYMENT = "payment"


class InvalidCommitment(InvalidInput):
    code = "invalid-commitment"


@dataclass(frozen=True, slots=True)
class DayPlan:
    day: date
    activities: str


@dataclass(frozen=True, slots=True)
class Commitment:
    """The commitment to quality: what the visit is for and what happens on each day."""

    goals: tuple[str, ...]
    agenda: tuple[DayPlan, ...]
    expected_results: tuple[str, ...]
    first_day: date
    last_day: date

    def __post_init__(self) -> None:
        problems = []
        if not any(goal.strip() for goal in self.goals):
            problems.append("at least one goal")
        if not any(result.strip() for result in self.expected_results):
            problems.append("at least one expected result")
        if self.last_day < self.first_day:
            problems.append("a last day on or after the first day")
        if any(not self.first_day <= plan.day <= self.last_day for plan in self.agenda):
            problems.append("an agenda whose days fall between the first and the last day")
        if problems:
            raise InvalidCommitment("a commitment needs " + ", ".join(problems), missing=problems)


@dataclass(frozen=True, slots=True)
class Signature:
    signatory: Signatory
    by: UUID
    at: datetime


@dataclass(frozen=True, slots=True)
class ClosingReport:
    """The visitor's closing report; `share_summary` lets the summary leave the exchange service."""

    summary: str
    lessons_learned: str
    share_summary: bool
    evidence_ids: tuple[UUID, ...]
    submitted_at: datetime
    submitted_by: UUID


@dataclass(frozen=True, slots=True)
class HostFeedback:
    text: str
    given_at: datetime
    given_by: UUID


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """Who did what, when: `by` is None for what the programme's clock did."""

    step: Step
    at: datetime
    by: UUID | None
    state: State  # the state after the step
    note: str | None = None


@dataclass(frozen=True, slots=True)
class AtRisk:
    """Why a running exchange needs both clusters' attention: a party's membership ended."""

    organisation_id: UUID
    side: str  # "visitor" or "host"
    reason: str
    flagged_at: datetime
