"""Bodies of hosting offers, suggestions and group missions."""

from datetime import date, datetime
from typing import Annotated, Self
from uuid import UUID

from pydantic import AfterValidator, BaseModel, Field

from exchange.domain.matching import HostingOffer, Suggestion
from exchange.domain.missions import GroupMission
from exchange.domain.programme import Window
from exchange.domain.records import DayPlan
from exchange.domain.vocabulary import ActivityKind, Category
from exchange.entrypoints.schemas_common import Count, Languages, Tags, Title, example, unique
from exchange.entrypoints.schemas_exchanges import DayPlanBody
from exchange.entrypoints.schemas_programmes import WindowBody
from exchange.service_layer.missions import CreateMission
from exchange.service_layer.offers import PublishOffer

Kinds = Annotated[list[ActivityKind], Field(min_length=1, max_length=5), AfterValidator(unique)]


class OfferCreate(BaseModel):
    model_config = example(
        {
            "host_organisation_id": "0e2b5a4c-8f3d-4a61-b2c7-5d9e1f3a7b02",
            "title": "Natural dyeing at industrial scale",
            "topics": ["natural dyes", "water treatment"],
            "activity_kinds": ["knowledge_sharing", "capacity_building"],
            "languages": ["en", "es"],
            "periods": [{"first": "2027-03-01", "last": "2027-05-31"}],
            "capacity": 2,
        }
    )

    host_organisation_id: UUID
    title: Title
    topics: Tags = []
    activity_kinds: Kinds
    languages: Languages = []
    periods: Annotated[list[WindowBody], Field(min_length=1, max_length=12)]
    capacity: Annotated[Count, Field(ge=1, le=50)] = Field(description="Visitors received at the same time.")

    def command(self) -> PublishOffer:
        return PublishOffer(
            host_organisation_id=self.host_organisation_id,
            title=self.title,
            topics=tuple(self.topics),
            activity_kinds=frozenset(self.activity_kinds),
            languages=frozenset(self.languages),
            periods=tuple(Window(p.first, p.last) for p in self.periods),
            capacity=self.capacity,
        )


class OfferPublic(BaseModel):
    id: UUID
    host_organisation_id: UUID
    host_name: str
    host_category: Category
    host_country: str
    host_region: str | None
    host_cluster_id: UUID
    host_value_chains: list[str]
    title: str
    topics: list[str]
    activity_kinds: list[ActivityKind]
    languages: list[str]
    periods: list[WindowBody]
    capacity: int
    published_at: datetime

    @classmethod
    def of(cls, offer: HostingOffer) -> Self:
        host = offer.host
        return cls(
            id=offer.id,
            host_organisation_id=host.organisation_id,
            host_name=host.legal_name,
            host_category=host.category,
            host_country=host.country,
            host_region=host.region,
            host_cluster_id=host.cluster_id,
            host_value_chains=sorted(host.value_chains),
            title=offer.title,
            topics=list(offer.topics),
            activity_kinds=sorted(offer.activity_kinds),
            languages=sorted(offer.languages),
            periods=[WindowBody(first=p.first, last=p.last) for p in offer.periods],
            capacity=offer.capacity,
            published_at=offer.published_at,
        )


class ScorePartPublic(BaseModel):
    name: str
    points: float
    out_of: float
    why: str


class SuggestionPublic(BaseModel):
    offer: OfferPublic
    score: float = Field(description="Out of 100: the sum of the parts.")
    parts: list[ScorePartPublic]

    @classmethod
    def of(cls, suggestion: Suggestion) -> Self:
        parts = [ScorePartPublic.model_validate(p, from_attributes=True) for p in suggestion.parts]
        return cls(offer=OfferPublic.of(suggestion.offer), score=suggestion.score, parts=parts)


class MissionCreate(BaseModel):
    model_config = example(
        {
            "host_organisation_id": "0e2b5a4c-8f3d-4a61-b2c7-5d9e1f3a7b02",
            "title": "Visit to Première Vision Paris",
            "first_day": "2027-02-09",
            "last_day": "2027-02-11",
            "agenda": [{"day": "2027-02-09", "activities": "Guided tour of the fabric halls."}],
            "capacity": 8,
        }
    )

    host_organisation_id: UUID
    title: Title
    first_day: date
    last_day: date
    agenda: Annotated[list[DayPlanBody], Field(max_length=31)] = []
    capacity: Annotated[Count, Field(ge=1, le=200)]

    def command(self, programme_id: UUID) -> CreateMission:
        return CreateMission(
            programme_id=programme_id,
            host_organisation_id=self.host_organisation_id,
            title=self.title,
            first_day=self.first_day,
            last_day=self.last_day,
            agenda=tuple(DayPlan(p.day, p.activities) for p in self.agenda),
            capacity=self.capacity,
        )


class MissionVisitor(BaseModel):
    exchange_id: UUID
    visitor_organisation_id: UUID
    visitor_country: str
    state: str


class MissionPublic(BaseModel):
    id: UUID
    programme_id: UUID
    host_organisation_id: UUID
    title: str
    first_day: date
    last_day: date
    agenda: list[DayPlanBody]
    capacity: int
    free_places: int
    visitors: list[MissionVisitor] = Field(default=[], description="Every request to join, in order.")

    @classmethod
    def of(cls, mission: GroupMission, visitors: list[MissionVisitor] | None = None) -> Self:
        m = mission
        agenda = [DayPlanBody(day=p.day, activities=p.activities) for p in m.agenda]
        same = {name: getattr(m, name) for name in ("id", "programme_id", "host_organisation_id", "title")}
        return cls(
            **same,
            first_day=m.first_day,
            last_day=m.last_day,
            agenda=agenda,
            capacity=m.capacity,
            free_places=m.free_places,
            visitors=visitors or [],
        )
