"""What an exchange looks like from outside: its state, the next steps, the lump sum, the history."""

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Self
from uuid import UUID

from pydantic import BaseModel, Field

from exchange.domain import closing
from exchange.domain.commitment import missing_signatures
from exchange.domain.exchanges import Exchange, allowed_next
from exchange.domain.lump_sum import LumpSum
from exchange.domain.parties import Participant
from exchange.domain.records import ClosingReport, HistoryEntry, Signatory, Step
from exchange.domain.vocabulary import ActivityKind, Category, State


class PartyPublic(BaseModel):
    organisation_id: UUID
    name: str | None = Field(
        default=None,
        description="Its legal name as exchange last heard it from membership; given when exchanges "
        "are read (GET), null in the answer to a step.",
    )
    category: Category
    country: str
    cluster_id: UUID

    @classmethod
    def of(cls, party: Participant, names: Mapping[UUID, str] | None = None) -> Self:
        return cls(
            organisation_id=party.organisation_id,
            name=(names or {}).get(party.organisation_id),
            category=party.category,
            country=party.country,
            cluster_id=party.cluster_id,
        )


class LumpSumPublic(BaseModel):
    """The visitor's lump sum and how it was reached; known before approval."""

    amount_eur: Decimal | None = Field(description="None while the distance is missing.")
    cap_eur: Decimal
    working_days: int
    distance_km: Decimal | None
    distance_source: str | None
    distance_entered_by: UUID | None
    distance_missing: bool = Field(
        description="Coordinates missing: the visitor's cluster manager enters it."
    )
    halved_reasons: list[str]

    @classmethod
    def of(cls, lump_sum: LumpSum) -> Self:
        distance = lump_sum.distance
        return cls(
            amount_eur=lump_sum.amount,
            cap_eur=lump_sum.cap,
            working_days=lump_sum.working_days,
            distance_km=None if distance is None else distance.km,
            distance_source=None if distance is None else distance.source.value,
            distance_entered_by=None if distance is None else distance.entered_by,
            distance_missing=lump_sum.distance_missing,
            halved_reasons=[str(reason) for reason in lump_sum.halved_reasons],
        )


class DayPlanPublic(BaseModel):
    day: date
    activities: str


class CommitmentPublic(BaseModel):
    goals: list[str]
    agenda: list[DayPlanPublic]
    expected_results: list[str]
    first_day: date
    last_day: date


class SignaturePublic(BaseModel):
    signatory: Signatory
    by: UUID
    at: datetime


class ReportPublic(BaseModel):
    summary: str
    lessons_learned: str
    share_summary: bool
    evidence_ids: list[UUID]
    submitted_at: datetime
    submitted_by: UUID
    submitted_by_name: str | None = Field(description='"erased person" once the author was erased.')

    @classmethod
    def of(cls, report: ClosingReport, names: Mapping[UUID, str]) -> Self:
        values = {name: getattr(report, name) for name in cls.model_fields if hasattr(report, name)}
        return cls(**values, submitted_by_name=names.get(report.submitted_by))


class ExchangePublic(BaseModel):
    id: UUID
    programme_id: UUID
    state: State
    allowed_next: list[Step] = Field(description="The steps the current state allows (for someone).")
    visitor: PartyPublic
    host: PartyPublic
    slot_category: Category = Field(description="The quota it counts in.")
    activity_kind: ActivityKind
    first_day: date
    last_day: date
    message: str | None
    hosting_offer_id: UUID | None
    group_mission_id: UUID | None
    lump_sum: LumpSumPublic
    commitment: CommitmentPublic | None
    signatures: list[SignaturePublic]
    missing_signatures: list[Signatory]
    report: ReportPublic | None
    host_feedback: str | None
    review_comments: str | None
    closing_reason: str | None
    at_risk_reason: str | None = Field(description="Set when a party's membership ended while it ran.")
    requested_at: datetime
    approved_at: datetime | None
    validated_at: datetime | None
    paid_at: datetime | None
    paid_amount_eur: Decimal | None
    report_due: date
    payment_due: date | None
    version: int

    @classmethod
    def of(cls, exchange: Exchange, names: Mapping[UUID, str] | None = None) -> Self:
        e = exchange
        return cls(
            **{name: getattr(e, name) for name in _SAME_NAME},
            allowed_next=list(allowed_next(e.state)),
            visitor=PartyPublic.of(e.visitor, names),
            host=PartyPublic.of(e.host, names),
            group_mission_id=e.mission_id,
            lump_sum=LumpSumPublic.of(e.lump_sum),
            commitment=None
            if e.commitment is None
            else CommitmentPublic.model_validate(e.commitment, from_attributes=True),
            signatures=[SignaturePublic.model_validate(s, from_attributes=True) for s in e.signatures],
            missing_signatures=list(missing_signatures(e)),
            report=None if e.report is None else ReportPublic.of(e.report, names or {}),
            host_feedback=None if e.host_feedback is None else e.host_feedback.text,
            at_risk_reason=None if e.at_risk is None else e.at_risk.reason,
            paid_amount_eur=e.paid_amount,
            report_due=closing.report_due(e),
            payment_due=closing.payment_due(e),
        )


_SAME_NAME = (
    "id",
    "programme_id",
    "state",
    "slot_category",
    "activity_kind",
    "first_day",
    "last_day",
    "message",
    "hosting_offer_id",
    "review_comments",
    "closing_reason",
    "requested_at",
    "approved_at",
    "validated_at",
    "paid_at",
    "version",
)


class HistoryEntryPublic(BaseModel):
    step: Step
    at: datetime
    by: UUID | None = Field(description="None: the programme's clock (or the platform) did it.")
    by_name: str | None = Field(description='The person\'s name; "erased person" once erased.')
    state: State = Field(description="The state after the step.")
    note: str | None

    @classmethod
    def of(cls, entry: HistoryEntry, names: Mapping[UUID, str]) -> Self:
        by_name = None if entry.by is None else names.get(entry.by)
        return cls(
            step=entry.step, at=entry.at, by=entry.by, by_name=by_name, state=entry.state, note=entry.note
        )
