"""Bodies of a partner cluster's own strategy: its actions and progress on the common indicators."""

from datetime import date, datetime
from typing import Annotated, Self
from uuid import UUID

from pydantic import BaseModel, Field

from knowledge.domain.cluster_strategies import ActionStatus, ClusterAction, Progress, Standing
from knowledge.entrypoints.roadmap_fields import (
    Code,
    Codes,
    Figure,
    LongText,
    Note,
    PartnerIds,
    Title,
    example,
    response_example,
)
from knowledge.service_layer.cluster_roadmap import AlignedStrategy, UpdateClusterStrategy

MODACC, LDC = (f"0b1c0000-0000-4000-8000-00000000000{n}" for n in (1, 5))
ACTION = {
    "code": "M1",
    "title": "Repair-and-reuse workshops",
    "serves": ["O1"],
    "partner_cluster_ids": [LDC],
    "status": "in_progress",
    "due": "2027-06-30",
}
PROGRESS = {"indicator_code": "I1", "value": 70, "as_of": "2026-10-01", "note": None}
STRATEGY = {
    "summary": "Modacc's way to 2030: circular knitwear and export missions.",
    "actions": [ACTION],
    "progress": [PROGRESS],
}


class ClusterActionBody(BaseModel):
    model_config = example(ACTION)

    code: Code
    title: Title
    serves: Codes = Field(description="Codes of the common objectives the action serves.")
    partner_cluster_ids: PartnerIds = Field(default=[], description="Other partner clusters involved.")
    status: ActionStatus = ActionStatus.PLANNED
    due: date | None = None


class ProgressBody(BaseModel):
    model_config = example(PROGRESS)

    indicator_code: Code = Field(description="An indicator of the common strategy.")
    value: Figure
    as_of: date
    note: Note | None = None


class ClusterStrategyBody(BaseModel):
    model_config = example(STRATEGY)

    summary: LongText = Field(description="Plain text.")
    actions: Annotated[list[ClusterActionBody], Field(max_length=60)] = []
    progress: Annotated[list[ProgressBody], Field(max_length=60)] = []

    def command(self) -> UpdateClusterStrategy:
        return UpdateClusterStrategy(
            summary=self.summary,
            actions=tuple(
                ClusterAction(
                    a.code, a.title, frozenset(a.serves), frozenset(a.partner_cluster_ids), a.status, a.due
                )
                for a in self.actions
            ),
            progress=tuple(Progress(p.indicator_code, p.value, p.as_of, p.note) for p in self.progress),
        )


class StandingPublic(BaseModel):
    """One indicator of the common strategy and the cluster's latest reported value on it."""

    indicator_code: str
    title: str
    unit: str
    baseline: float
    target: float
    target_year: int
    value: float | None = Field(description="Null until the cluster reports on the indicator.")
    as_of: date | None
    share_of_target: float | None = Field(description="0 at the baseline, 1 at the target.")

    @classmethod
    def of(cls, standing: Standing) -> Self:
        i, p = standing.indicator, standing.progress
        return cls(
            indicator_code=i.code,
            title=i.title,
            unit=i.unit,
            baseline=i.baseline,
            target=i.target,
            target_year=i.target_year,
            value=p.value if p else None,
            as_of=p.as_of if p else None,
            share_of_target=standing.share_of_target,
        )


class ClusterStrategyPublic(BaseModel):
    model_config = response_example(
        {
            "cluster_id": MODACC,
            **STRATEGY,
            "standings": [
                {
                    "indicator_code": "I1",
                    "title": "Members with a circular product",
                    "unit": "companies",
                    "baseline": 20,
                    "target": 120,
                    "target_year": 2030,
                    "value": 70,
                    "as_of": "2026-10-01",
                    "share_of_target": 0.5,
                }
            ],
            "aligned_with_version": 1,
            "revision": 3,
            "updated_by": "5f0c6a43-2f1e-4a55-9d0a-6f2b1c3d4e5f",
            "updated_at": "2026-11-30T12:00:00Z",
        }
    )

    cluster_id: UUID
    summary: str
    actions: list[ClusterActionBody]
    progress: list[ProgressBody]
    standings: list[StandingPublic] = Field(description="Every indicator of the version it follows.")
    aligned_with_version: int = Field(description="The partnership strategy version it follows.")
    revision: int
    updated_by: UUID
    updated_at: datetime

    @classmethod
    def of(cls, aligned: AlignedStrategy) -> Self:
        strategy = aligned.strategy
        return cls(
            cluster_id=strategy.cluster_id,
            summary=strategy.summary,
            actions=[
                ClusterActionBody(
                    code=a.code,
                    title=a.title,
                    serves=sorted(a.serves),
                    partner_cluster_ids=sorted(a.partners, key=str),
                    status=a.status,
                    due=a.due,
                )
                for a in strategy.actions
            ],
            progress=[ProgressBody.model_validate(p, from_attributes=True) for p in strategy.progress],
            standings=[StandingPublic.of(s) for s in aligned.standings],
            aligned_with_version=strategy.aligned_with_version,
            revision=strategy.revision,
            updated_by=strategy.updated_by,
            updated_at=strategy.updated_at,
        )
