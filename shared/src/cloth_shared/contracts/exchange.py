"""Events published by the exchange service: the Fashion ClusterXchange programme.

All travel on `exchange.exchanges`. Exchange events are keyed by the exchange id, so one
exchange's events stay in order; `HostingOfferPublished` is keyed by the offer id (an offer is
its own aggregate, published on the same topic so consumers follow one topic). Each exchange
event carries the whole `ExchangeSnapshot`, so no consumer needs to call back. People appear
only by id: consumers look names up in their own copy of membership's people.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from cloth_shared.contracts import topics
from cloth_shared.contracts.envelope import Event
from cloth_shared.contracts.membership import OrganisationCategory

ActivityKind = Literal[
    "capacity_building", "knowledge_sharing", "research_and_development", "market_research", "networking"
]


class ExchangeSnapshot(BaseModel):
    """Who exchanges with whom, when, and where it counts: carried by every exchange event."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    exchange_id: UUID
    programme_id: UUID
    visitor_organisation_id: UUID = Field(description="The organisation that travels.")
    host_organisation_id: UUID = Field(description="The organisation that receives the visitor.")
    visitor_category: OrganisationCategory
    host_category: OrganisationCategory
    slot_category: OrganisationCategory = Field(
        description="The one quota the exchange counts in: the host's category when the host is a "
        "large company or a public body, otherwise the visitor's."
    )
    visitor_country: str = Field(description="ISO 3166-1 alpha-2 country code of the visitor.")
    host_country: str = Field(description="ISO 3166-1 alpha-2 country code of the host.")
    visitor_cluster_id: UUID = Field(description="The visitor's home cluster; the exchange counts for it.")
    host_cluster_id: UUID = Field(description="The host's home cluster.")
    first_day: date = Field(description="First day of the stay at the host (travel not counted).")
    last_day: date = Field(description="Last day of the stay at the host.")
    activity_kind: ActivityKind
    group_mission_id: UUID | None = Field(
        default=None, description="The group mission it belongs to, if any."
    )


class LumpSumBreakdown(BaseModel):
    """The visitor's lump sum and how it was reached."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    amount_eur: Decimal | None = Field(
        description="Euros as a decimal string; None while the distance is unknown."
    )
    cap_eur: Decimal = Field(description="The host country's cap in this programme (at most 1,100).")
    working_days: int = Field(description="Working days of the stay in the host country.")
    distance_km: Decimal | None = Field(description="Great-circle distance between the organisations.")
    distance_source: Literal["computed", "entered_by_manager"] | None = None
    halved_reasons: tuple[Literal["short_stay", "near"], ...] = Field(
        default=(), description="Why the cap was halved: under 5 working days, or under 200 km."
    )


class _ExchangeEvent(Event):
    topic: ClassVar[str] = topics.EXCHANGE_EXCHANGES
    exchange: ExchangeSnapshot

    def subject_key(self) -> str:
        return str(self.exchange.exchange_id)


class HostingOffer(BaseModel):
    """A host's offer as published in the catalogue."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    offer_id: UUID
    host_organisation_id: UUID
    host_category: OrganisationCategory
    host_country: str = Field(description="ISO 3166-1 alpha-2 country code.")
    host_cluster_id: UUID
    title: str
    topics: tuple[str, ...] = Field(default=(), description="What the host can share.")
    activity_kinds: tuple[ActivityKind, ...]
    languages: tuple[str, ...] = Field(default=(), description="ISO 639-1 codes.")
    capacity: int = Field(ge=1, description="How many visitors it receives at the same time.")


class HostingOfferPublished(Event):
    """A host published a hosting offer. Keyed by the offer id, not by an exchange id."""

    topic: ClassVar[str] = topics.EXCHANGE_EXCHANGES
    event_type: ClassVar[str] = "HostingOfferPublished"
    event_version: ClassVar[int] = 1
    offer: HostingOffer
    published_by: UUID
    published_at: datetime

    def subject_key(self) -> str:
        return str(self.offer.offer_id)


class ExchangeRequested(_ExchangeEvent):
    """A visiting organisation asked a host for an exchange; every eligibility rule passed."""

    event_type: ClassVar[str] = "ExchangeRequested"
    event_version: ClassVar[int] = 1
    requested_by: UUID
    requested_at: datetime
    hosting_offer_id: UUID | None = Field(default=None, description="The offer it answers, if any.")


class ExchangeAccepted(_ExchangeEvent):
    """The host agreed; the commitment to quality is to be written and signed next."""

    event_type: ClassVar[str] = "ExchangeAccepted"
    event_version: ClassVar[int] = 1
    accepted_by: UUID
    accepted_at: datetime


class ExchangeDeclined(_ExchangeEvent):
    """The host said no."""

    event_type: ClassVar[str] = "ExchangeDeclined"
    event_version: ClassVar[int] = 1
    declined_by: UUID
    declined_at: datetime
    reason: str | None = None


class ExchangeCommitmentAgreed(_ExchangeEvent):
    """Visitor, host and the managers of both home clusters signed the commitment to quality."""

    event_type: ClassVar[str] = "ExchangeCommitmentAgreed"
    event_version: ClassVar[int] = 1
    agreed_at: datetime
    goals: tuple[str, ...]
    expected_results: tuple[str, ...]
    lump_sum: LumpSumBreakdown


class ExchangeApproved(_ExchangeEvent):
    """The visitor's cluster (or an administrator) approved: the exchange holds its quota slot."""

    event_type: ClassVar[str] = "ExchangeApproved"
    event_version: ClassVar[int] = 1
    approved_by: UUID
    approved_at: datetime
    lump_sum: LumpSumBreakdown


class ExchangeStarted(_ExchangeEvent):
    """The first day came: the exchange is in progress."""

    event_type: ClassVar[str] = "ExchangeStarted"
    event_version: ClassVar[int] = 1
    started_at: datetime


class ExchangeReportSubmitted(_ExchangeEvent):
    """The visitor handed in the closing report; the visitor's cluster reviews it next."""

    event_type: ClassVar[str] = "ExchangeReportSubmitted"
    event_version: ClassVar[int] = 1
    submitted_by: UUID
    submitted_at: datetime
    evidence_count: int = Field(ge=0, description="Evidence files attached to the report.")


class ExchangeReportSentBack(_ExchangeEvent):
    """The visitor's cluster asked for a better report; the visitor submits it again."""

    event_type: ClassVar[str] = "ExchangeReportSentBack"
    event_version: ClassVar[int] = 1
    sent_back_by: UUID
    sent_back_at: datetime
    comments: str


class ExchangeCompleted(_ExchangeEvent):
    """The visitor's cluster validated the report: the exchange counts, once, for the visitor's cluster."""

    event_type: ClassVar[str] = "ExchangeCompleted"
    event_version: ClassVar[int] = 1
    validated_by: UUID
    completed_at: datetime
    payment_due: date = Field(description="The lump sum is due by this day (10 days after validation).")
    lump_sum: LumpSumBreakdown
    shared_summary: str | None = Field(
        default=None, description="The report's summary, only when the visitor agreed to share it."
    )
    shared_lessons_learned: str | None = Field(
        default=None, description="The lessons learned, under the same agreement as the summary."
    )


class ExchangeCancelled(_ExchangeEvent):
    """Either side withdrew before the start (or membership ended); an approved slot is free again."""

    event_type: ClassVar[str] = "ExchangeCancelled"
    event_version: ClassVar[int] = 1
    cancelled_by: UUID | None = Field(description="None when the platform cancelled it (membership ended).")
    cancelled_at: datetime
    reason: str
    slot_freed: bool = Field(description="True when the exchange had been approved and gave its slot back.")


class LumpSumPaid(_ExchangeEvent):
    """The visitor's cluster recorded that the visitor was paid the lump sum."""

    event_type: ClassVar[str] = "LumpSumPaid"
    event_version: ClassVar[int] = 1
    amount_eur: Decimal = Field(description='Euros, as a decimal string such as "550.00".')
    recorded_by: UUID
    paid_at: datetime


class ExchangeReportOverdue(_ExchangeEvent):
    """No report was submitted (or a sent-back one resubmitted) 30 days after the last day. Once."""

    event_type: ClassVar[str] = "ExchangeReportOverdue"
    event_version: ClassVar[int] = 1
    report_due: date
    noticed_at: datetime


class LumpSumPaymentOverdue(_ExchangeEvent):
    """The lump sum was not recorded as paid 10 days after validation. Published once."""

    event_type: ClassVar[str] = "LumpSumPaymentOverdue"
    event_version: ClassVar[int] = 1
    payment_due: date
    amount_eur: Decimal = Field(description='Euros, as a decimal string such as "550.00".')
    noticed_at: datetime


class ExchangeAtRiskFlagged(_ExchangeEvent):
    """A party's membership ended while the exchange holds its slot (approved or running).

    Not cancelled: both clusters' managers (`visitor_cluster_id`, `host_cluster_id` in the
    snapshot) are to decide what becomes of it. Exchanges not yet approved are cancelled instead
    (`ExchangeCancelled` with the reason).
    """

    event_type: ClassVar[str] = "ExchangeAtRiskFlagged"
    event_version: ClassVar[int] = 1
    organisation_id: UUID = Field(description="The party whose membership ended.")
    side: Literal["visitor", "host"] = Field(description="Which side of the exchange that party is.")
    reason: str = Field(description="A sentence for the managers, e.g. why the membership ended.")
    state: str = Field(description="The exchange's state when it was flagged, e.g. approved or in_progress.")
    flagged_at: datetime
