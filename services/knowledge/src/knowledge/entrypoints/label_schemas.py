"""Bodies of a partner cluster's cluster-excellence labels and its plan for the next level."""

from datetime import date
from typing import Annotated, Self
from uuid import UUID

from pydantic import BaseModel, Field

from cloth_shared.inputs import StrictBool
from knowledge.domain.excellence_labels import Certification, LabelLevel, PlannedStep
from knowledge.entrypoints.roadmap_fields import Title, example, response_example
from knowledge.service_layer.cluster_roadmap import AwardLabel

LDC = "0b1c0000-0000-4000-8000-000000000005"
STEP = {"title": "Benchmarking with the ESCA method", "due": "2027-03-31", "done": False}


class AwardBody(BaseModel):
    model_config = example({"level": "silver", "awarded_on": "2026-06-15", "valid_until": "2028-06-15"})

    level: LabelLevel
    awarded_on: date
    valid_until: date | None = None

    def command(self) -> AwardLabel:
        return AwardLabel(self.level, self.awarded_on, self.valid_until)


class PlannedStepBody(BaseModel):
    model_config = example(STEP)

    title: Title
    due: date | None = None
    done: StrictBool = False


class LabelPlanBody(BaseModel):
    model_config = example({"steps": [STEP]})

    steps: Annotated[list[PlannedStepBody], Field(max_length=30)]

    def steps_planned(self) -> tuple[PlannedStep, ...]:
        return tuple(PlannedStep(s.title, s.due, s.done) for s in self.steps)


class AwardPublic(BaseModel):
    level: LabelLevel
    awarded_on: date
    valid_until: date | None


class CertificationPublic(BaseModel):
    model_config = response_example(
        {
            "cluster_id": LDC,
            "current_level": "silver",
            "next_level": "gold",
            "awards": [
                {"level": "bronze", "awarded_on": "2024-03-01", "valid_until": "2026-03-01"},
                {"level": "silver", "awarded_on": "2026-06-15", "valid_until": "2028-06-15"},
            ],
            "plan": [STEP],
        }
    )

    cluster_id: UUID
    current_level: LabelLevel | None
    next_level: LabelLevel | None = Field(description="What the plan aims at; null after gold.")
    awards: list[AwardPublic] = Field(description="Oldest first.")
    plan: list[PlannedStepBody]

    @classmethod
    def of(cls, certification: Certification) -> Self:
        current = certification.current
        return cls(
            cluster_id=certification.cluster_id,
            current_level=current.level if current else None,
            next_level=certification.next_level,
            awards=[AwardPublic.model_validate(a, from_attributes=True) for a in certification.awards],
            plan=[PlannedStepBody.model_validate(s, from_attributes=True) for s in certification.plan],
        )
