"""Request and response bodies of programmes and their figures."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Self
from uuid import UUID

from pydantic import BaseModel, Field

from exchange.domain.figures import ClusterCount, FlowCount
from exchange.domain.programme import DEFAULT_QUOTAS, Programme, Quota, Window
from exchange.domain.vocabulary import Category, QuotaSide, side_of
from exchange.entrypoints.schemas_common import Count, CountryCode, Title, decimal_schema, example
from exchange.service_layer.figures import ProgrammeFigures, Target
from exchange.service_layer.programmes import CreateProgramme

Euros = Annotated[
    Decimal,
    Field(gt=0, le=Decimal("1100.00"), decimal_places=2),
    decimal_schema(
        "EUR, at most 1,100, in cents at most",
        pattern=r"^(0\.(0[1-9]|[1-9][0-9]?)|([1-9][0-9]{0,2}|10[0-9]{2})(\.[0-9]{1,2})?|1100(\.00?)?)$",
        exclusiveMinimum=0,
        maximum=1100,
        multipleOf=0.01,
    ),
]
Slots = Annotated[Count, Field(ge=0, le=10_000)]


class WindowBody(BaseModel):
    model_config = example({"first": "2026-09-01", "last": "2027-09-30"})

    first: date
    last: date


class ProgrammeCreate(BaseModel):
    """A programme; quotas default to the Fashion ClusterXchange's (SMEs 75, cluster organisations
    10, support organisations 5 on the visitor side; large companies 5, public bodies 5 hosting)."""

    model_config = example(
        {
            "name": "Fashion ClusterXchange 2026-2027",
            "application_window": {"first": "2026-09-01", "last": "2027-09-30"},
            "activity_window": {"first": "2026-10-01", "last": "2027-12-31"},
            "lump_sum_caps": {
                "ES": "900.00",
                "BG": "700.00",
                "FR": "1000.00",
                "RO": "700.00",
                "DK": "1100.00",
            },
        }
    )

    name: Title
    application_window: WindowBody = Field(description="When requests are taken.")
    activity_window: WindowBody = Field(description="When exchanges take place.")
    lump_sum_caps: Annotated[
        dict[CountryCode, Euros],
        Field(min_length=1, max_length=60, json_schema_extra={"additionalProperties": False}),
    ] = Field(description="The lump-sum cap per host country.")
    quotas: Annotated[dict[Category, Slots], Field(max_length=5)] | None = Field(
        default=None, description="Slots per category; the side each counts on follows from the category."
    )

    def command(self) -> CreateProgramme:
        quotas = DEFAULT_QUOTAS
        if self.quotas is not None:
            quotas = tuple(
                Quota(category, side_of(category), slots) for category, slots in self.quotas.items()
            )
        return CreateProgramme(
            name=self.name,
            application_window=Window(self.application_window.first, self.application_window.last),
            activity_window=Window(self.activity_window.first, self.activity_window.last),
            lump_sum_caps=dict(self.lump_sum_caps),
            quotas=quotas,
        )


class QuotaPublic(BaseModel):
    category: Category
    side: QuotaSide
    slots: int


class ProgrammePublic(BaseModel):
    id: UUID
    name: str
    application_window: WindowBody
    activity_window: WindowBody
    quotas: list[QuotaPublic]
    target: int
    lump_sum_caps: dict[str, Decimal]
    created_at: datetime
    closed_at: datetime | None

    @classmethod
    def of(cls, programme: Programme) -> Self:
        p = programme
        return cls(
            id=p.id,
            name=p.name,
            application_window=WindowBody(first=p.application_window.first, last=p.application_window.last),
            activity_window=WindowBody(first=p.activity_window.first, last=p.activity_window.last),
            quotas=[QuotaPublic(category=q.category, side=q.side, slots=q.slots) for q in p.quotas],
            target=p.target,
            lump_sum_caps=dict(p.lump_sum_caps),
            created_at=p.created_at,
            closed_at=p.closed_at,
        )


class TargetPublic(BaseModel):
    category: Category | None = Field(description="None: the programme's total.")
    slots: int
    approved: int
    completed: int
    approved_by: date | None = Field(description="When approvals reach the target at the weekly rate so far.")
    completed_by: date | None = Field(
        description="When completions reach the target at the weekly rate so far."
    )

    @classmethod
    def of(cls, target: Target) -> Self:
        return cls.model_validate(target, from_attributes=True)


class ClusterFigures(BaseModel):
    cluster_id: UUID
    approved: int
    completed: int


class FlowFigures(BaseModel):
    from_country: str
    to_country: str
    approved: int
    completed: int


class FiguresPublic(BaseModel):
    """Progress against the targets, by visitor cluster, and the country-to-country flows."""

    programme_id: UUID
    on: date
    total: TargetPublic
    categories: list[TargetPublic]
    by_visitor_cluster: list[ClusterFigures]
    flows: list[FlowFigures]

    @classmethod
    def of(cls, figures: ProgrammeFigures) -> Self:
        def cluster(c: ClusterCount) -> ClusterFigures:
            return ClusterFigures(cluster_id=c.cluster_id, approved=c.approved, completed=c.completed)

        def flow(f: FlowCount) -> FlowFigures:
            return FlowFigures.model_validate(f, from_attributes=True)

        return cls(
            programme_id=figures.programme.id,
            on=figures.on,
            total=TargetPublic.of(figures.total),
            categories=[TargetPublic.of(t) for t in figures.categories],
            by_visitor_cluster=[cluster(c) for c in figures.by_cluster],
            flows=[flow(f) for f in figures.flows],
        )
