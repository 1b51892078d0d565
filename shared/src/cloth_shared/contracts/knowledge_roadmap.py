"""Events of the knowledge service's regional analyses and cooperation roadmap.

All travel on `knowledge.roadmap`. The partnership strategy is one aggregate for the alliance,
keyed `partnership-strategy` so its events stay in order; a cluster's strategy and labels are
keyed by the cluster id; a regional analysis by its region code. Clusters are the five partner
clusters, by the ids membership gives them. People appear only by id.
"""

from datetime import date, datetime
from typing import ClassVar, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from cloth_shared.contracts import topics
from cloth_shared.contracts.envelope import Event

PARTNERSHIP_STRATEGY_KEY = "partnership-strategy"
LabelLevel = Literal["bronze", "silver", "gold"]


class _Snapshot(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class StrategyObjective(_Snapshot):
    code: str = Field(description="Stable within the strategy, e.g. O1.")
    title: str


class StrategyAction(_Snapshot):
    code: str
    title: str
    objective_code: str = Field(description="The objective the action serves.")
    cluster_ids: tuple[UUID, ...] = Field(description="The partner clusters carrying it out together.")
    due: date | None = None


class StrategyIndicator(_Snapshot):
    code: str
    title: str
    unit: str
    objective_code: str
    baseline: float
    target: float
    target_year: int


class PartnershipStrategySnapshot(_Snapshot):
    """One version of the common partnership strategy, as drafted."""

    version: int = Field(ge=1)
    title: str
    objectives: tuple[StrategyObjective, ...]
    actions: tuple[StrategyAction, ...]
    indicators: tuple[StrategyIndicator, ...]


class _PartnershipStrategyEvent(Event):
    topic: ClassVar[str] = topics.KNOWLEDGE_ROADMAP
    strategy: PartnershipStrategySnapshot

    def subject_key(self) -> str:
        return PARTNERSHIP_STRATEGY_KEY


class PartnershipStrategyDrafted(_PartnershipStrategyEvent):
    """A partner cluster's manager drafted a new version; it awaits all five partners' approval."""

    event_type: ClassVar[str] = "PartnershipStrategyDrafted"
    event_version: ClassVar[int] = 1
    drafting_cluster_id: UUID
    drafted_by: UUID
    drafted_at: datetime


class PartnershipStrategyEndorsed(_PartnershipStrategyEvent):
    """One partner cluster approved a version (the fifth approval also brings Approved)."""

    event_type: ClassVar[str] = "PartnershipStrategyEndorsed"
    event_version: ClassVar[int] = 1
    cluster_id: UUID
    endorsed_by: UUID
    endorsed_at: datetime
    awaiting_cluster_ids: tuple[UUID, ...] = Field(description="Partners whose approval is still missing.")


class PartnershipStrategyCommented(_PartnershipStrategyEvent):
    """A partner cluster's manager commented on a version (without approving it)."""

    event_type: ClassVar[str] = "PartnershipStrategyCommented"
    event_version: ClassVar[int] = 1
    cluster_id: UUID
    commented_by: UUID
    commented_at: datetime
    comment: str


class PartnershipStrategyApproved(_PartnershipStrategyEvent):
    """All five partner clusters approved a version: it is the strategy in force."""

    event_type: ClassVar[str] = "PartnershipStrategyApproved"
    event_version: ClassVar[int] = 1
    approving_cluster_ids: tuple[UUID, ...]
    approved_at: datetime


class ClusterActionSnapshot(_Snapshot):
    code: str
    title: str
    serves_objective_codes: tuple[str, ...]
    partner_cluster_ids: tuple[UUID, ...] = Field(description="Other partner clusters involved.")
    status: Literal["planned", "in_progress", "done"]
    due: date | None = None


class IndicatorProgress(_Snapshot):
    indicator_code: str = Field(description="An indicator of the common strategy.")
    value: float
    as_of: date
    share_of_target: float | None = Field(
        default=None, description="0 at the baseline, 1 at the target; None when they are equal."
    )


class ClusterStrategyUpdated(Event):
    """A partner cluster's own strategy changed; the snapshot is the new revision."""

    topic: ClassVar[str] = topics.KNOWLEDGE_ROADMAP
    event_type: ClassVar[str] = "ClusterStrategyUpdated"
    event_version: ClassVar[int] = 1
    cluster_id: UUID
    revision: int = Field(ge=1)
    aligned_with_version: int = Field(description="The partnership strategy version it follows.")
    actions: tuple[ClusterActionSnapshot, ...]
    progress: tuple[IndicatorProgress, ...]
    updated_by: UUID
    updated_at: datetime

    def subject_key(self) -> str:
        return str(self.cluster_id)


class ClusterLabelAwarded(Event):
    """A partner cluster was awarded a cluster-excellence label (or renewed it)."""

    topic: ClassVar[str] = topics.KNOWLEDGE_ROADMAP
    event_type: ClassVar[str] = "ClusterLabelAwarded"
    event_version: ClassVar[int] = 1
    cluster_id: UUID
    level: LabelLevel
    previous_level: LabelLevel | None = None
    awarded_on: date
    valid_until: date | None = None
    recorded_by: UUID

    def subject_key(self) -> str:
        return str(self.cluster_id)


class AnalysisIndicator(_Snapshot):
    key: str = Field(description="e.g. fashion_textile_companies, employment, exports.")
    value: float
    unit: str
    source_title: str
    source_url: str


class RegionalAnalysisPublished(Event):
    """A partner region's analysis for a year was written or revised."""

    topic: ClassVar[str] = topics.KNOWLEDGE_ROADMAP
    event_type: ClassVar[str] = "RegionalAnalysisPublished"
    event_version: ClassVar[int] = 1
    region_code: str = Field(description="NUTS 2 code of the partner region, e.g. ES51.")
    cluster_id: UUID = Field(description="The partner cluster of the region.")
    year: int
    revision: int = Field(ge=1)
    indicators: tuple[AnalysisIndicator, ...]
    published_at: datetime

    def subject_key(self) -> str:
        return self.region_code
