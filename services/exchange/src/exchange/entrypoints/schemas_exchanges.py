"""Request bodies of an exchange's steps: each refuses unknown fields and bounds what it takes."""

from datetime import date
from decimal import Decimal
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, Field

from exchange.domain.records import Commitment, DayPlan, Signatory
from exchange.domain.vocabulary import ActivityKind
from exchange.entrypoints.schemas_common import Flag, Lines, LongText, Note, Reason, decimal_schema, example
from exchange.service_layer.closing import SubmitReport
from exchange.service_layer.requests import RequestExchange


class ExchangeCreate(BaseModel):
    """Ask a host for an exchange: name the host, or answer a hosting offer, or join a group mission
    (which sets host and dates)."""

    model_config = example(
        {
            "visitor_organisation_id": "6f1c1e0a-2b7e-4c55-9d1a-7f4d7c9f0a01",
            "host_organisation_id": "0e2b5a4c-8f3d-4a61-b2c7-5d9e1f3a7b02",
            "first_day": "2027-03-01",
            "last_day": "2027-03-05",
            "activity_kind": "knowledge_sharing",
            "message": "We would like to learn natural dyeing from your team.",
        }
    )

    visitor_organisation_id: UUID
    activity_kind: ActivityKind
    host_organisation_id: UUID | None = None
    hosting_offer_id: UUID | None = None
    group_mission_id: UUID | None = None
    first_day: date | None = Field(default=None, description="Not needed when joining a group mission.")
    last_day: date | None = None
    message: Note | None = None

    def command(self, programme_id: UUID) -> RequestExchange:
        return RequestExchange(
            programme_id=programme_id,
            visitor_organisation_id=self.visitor_organisation_id,
            activity_kind=self.activity_kind,
            host_organisation_id=self.host_organisation_id,
            first_day=self.first_day,
            last_day=self.last_day,
            message=self.message,
            hosting_offer_id=self.hosting_offer_id,
            mission_id=self.group_mission_id,
        )


class DayPlanBody(BaseModel):
    model_config = example(
        {"day": "2027-03-01", "activities": "Tour of the dyeing plant; meeting the R&D team."}
    )

    day: date
    activities: Note


class CommitmentBody(BaseModel):
    """The commitment to quality; sending it again with changes clears every signature."""

    model_config = example(
        {
            "goals": ["Learn natural dyeing at industrial scale"],
            "agenda": [{"day": "2027-03-01", "activities": "Tour of the dyeing plant."}],
            "expected_results": ["A joint project proposal"],
            "first_day": "2027-03-01",
            "last_day": "2027-03-05",
        }
    )

    goals: Lines
    agenda: Annotated[list[DayPlanBody], Field(max_length=31)]
    expected_results: Lines
    first_day: date
    last_day: date

    def commitment(self) -> Commitment:
        agenda = tuple(DayPlan(plan.day, plan.activities) for plan in self.agenda)
        return Commitment(
            tuple(self.goals), agenda, tuple(self.expected_results), self.first_day, self.last_day
        )


class SignatureBody(BaseModel):
    model_config = example({"signatory": "visitor_cluster"})

    signatory: Signatory = Field(
        description="Whom you sign for: visitor, host, visitor_cluster, host_cluster."
    )


class DistanceBody(BaseModel):
    model_config = example({"km": "850.0"})

    km: Annotated[
        Decimal,
        Field(ge=0, le=20_000, decimal_places=1),
        decimal_schema(
            "Distance between the two organisations, in km to one decimal, when coordinates are missing.",
            pattern=r"^((0|[1-9][0-9]{0,3}|1[0-9]{4})(\.[0-9])?|20000(\.0)?)$",
            minimum=0,
            maximum=20_000,
            multipleOf=0.1,
        ),
    ]


class ReasonBody(BaseModel):
    model_config = example({"reason": "Our plans changed; we cannot travel in March."})

    reason: Reason


class OptionalReasonBody(BaseModel):
    model_config = example({"reason": "We are fully booked in March."})

    reason: Reason | None = None


class ReportBody(BaseModel):
    """The visitor's closing report; the evidence uploaded before goes with it."""

    model_config = example(
        {
            "summary": "Five days with the dyeing team; we tested three natural dyes on our yarns.",
            "lessons_learned": "Start with small batches; plan water treatment early.",
            "share_summary": True,
        }
    )

    summary: LongText
    lessons_learned: LongText
    share_summary: Flag = Field(
        default=False,
        description="Agree that the summary and lessons leave this service (knowledge library).",
    )

    def command(self) -> SubmitReport:
        return SubmitReport(self.summary, self.lessons_learned, self.share_summary)


class FeedbackBody(BaseModel):
    model_config = example({"text": "A well-prepared visitor; we will keep working together."})

    text: Note


class CommentsBody(BaseModel):
    model_config = example({"comments": "Please add the attendance sheet and two photos."})

    comments: Reason
