"""Bodies of the partnership-strategy API: a draft, a comment, and a version with its approvals."""

from datetime import date, datetime
from typing import Annotated, Self
from uuid import UUID

from pydantic import BaseModel, Field

from knowledge.domain.roadmap import (
    CommonAction,
    Objective,
    StrategyContent,
    StrategyIndicator,
    StrategyVersion,
)
from knowledge.entrypoints.roadmap_fields import (
    ClusterIds,
    Code,
    Figure,
    LongText,
    Note,
    Title,
    Unit,
    Year,
    example,
    response_example,
)

MODACC, EA, BFA = (f"0b1c0000-0000-4000-8000-00000000000{n}" for n in (1, 3, 2))
OBJECTIVE = {"code": "O1", "title": "Circularity", "description": "Design for reuse and recycling."}
ACTION = {
    "code": "A1",
    "title": "Textile-waste pilots",
    "objective_code": "O1",
    "cluster_ids": [MODACC, EA],
    "due": None,
}
INDICATOR = {
    "code": "I1",
    "title": "Members with a circular product",
    "unit": "companies",
    "objective_code": "O1",
    "baseline": 20,
    "target": 120,
    "target_year": 2030,
}
DRAFT = {
    "title": "Circular fashion alliance 2030",
    "vision": "A circular, digital fashion industry in every partner region.",
    "objectives": [OBJECTIVE],
    "actions": [ACTION],
    "indicators": [INDICATOR],
}


class ObjectiveBody(BaseModel):
    model_config = example(OBJECTIVE)

    code: Code
    title: Title
    description: LongText = ""


class CommonActionBody(BaseModel):
    model_config = example(ACTION)

    code: Code
    title: Title
    objective_code: Code
    cluster_ids: ClusterIds = Field(description="The partner clusters carrying the action out together.")
    due: date | None = None


class IndicatorBody(BaseModel):
    model_config = example(INDICATOR)

    code: Code
    title: Title
    unit: Unit
    objective_code: Code
    baseline: Figure
    target: Figure
    target_year: Year


class StrategyDraft(BaseModel):
    model_config = example(DRAFT)

    title: Title
    vision: LongText = Field(description="Plain text.")
    objectives: Annotated[list[ObjectiveBody], Field(min_length=1, max_length=20)]
    actions: Annotated[list[CommonActionBody], Field(max_length=60)] = []
    indicators: Annotated[list[IndicatorBody], Field(max_length=60)] = []

    def content(self) -> StrategyContent:
        return StrategyContent(
            title=self.title,
            vision=self.vision,
            objectives=tuple(Objective(o.code, o.title, o.description) for o in self.objectives),
            actions=tuple(
                CommonAction(a.code, a.title, a.objective_code, frozenset(a.cluster_ids), a.due)
                for a in self.actions
            ),
            indicators=tuple(
                StrategyIndicator(
                    i.code, i.title, i.unit, i.objective_code, i.baseline, i.target, i.target_year
                )
                for i in self.indicators
            ),
        )


class CommentBody(BaseModel):
    model_config = example({"text": "Could O2 name a target for exchanges with Denmark?"})

    text: Note


class CommentPublic(BaseModel):
    cluster_id: UUID
    by: UUID
    at: datetime
    text: str


class StrategyVersionPublic(BaseModel):
    model_config = response_example(
        {
            **DRAFT,
            "number": 2,
            "drafting_cluster_id": MODACC,
            "drafted_by": "5f0c6a43-2f1e-4a55-9d0a-6f2b1c3d4e5f",
            "drafted_at": "2026-11-30T12:00:00Z",
            "approved_at": None,
            "approving_cluster_ids": [MODACC, BFA],
            "awaiting_cluster_ids": [EA],
            "comments": [],
        }
    )

    number: int
    title: str
    vision: str
    objectives: list[ObjectiveBody]
    actions: list[CommonActionBody]
    indicators: list[IndicatorBody]
    drafting_cluster_id: UUID
    drafted_by: UUID
    drafted_at: datetime
    approved_at: datetime | None = Field(description="When the fifth partner approved; null until then.")
    approving_cluster_ids: list[UUID]
    awaiting_cluster_ids: list[UUID]
    comments: list[CommentPublic]

    @classmethod
    def of(cls, version: StrategyVersion) -> Self:
        content = version.content
        return cls(
            number=version.number,
            title=content.title,
            vision=content.vision,
            objectives=[
                ObjectiveBody(code=o.code, title=o.title, description=o.description)
                for o in content.objectives
            ],
            actions=[
                CommonActionBody(
                    code=a.code,
                    title=a.title,
                    objective_code=a.objective_code,
                    cluster_ids=sorted(a.clusters, key=str),
                    due=a.due,
                )
                for a in content.actions
            ],
            indicators=[IndicatorBody.model_validate(i, from_attributes=True) for i in content.indicators],
            drafting_cluster_id=version.drafting_cluster_id,
            drafted_by=version.drafted_by,
            drafted_at=version.drafted_at,
            approved_at=version.approved_at,
            approving_cluster_ids=sorted(version.approving_clusters, key=str),
            awaiting_cluster_ids=sorted(version.awaiting, key=str),
            comments=[
                CommentPublic(cluster_id=d.cluster_id, by=d.by, at=d.at, text=d.comment or "")
                for d in version.decisions
                if not d.approves
            ],
        )
