"""Bodies of the regional-analysis API: what a region's cluster writes, what the map reads."""

from datetime import datetime
from typing import Annotated, Self
from uuid import UUID

from pydantic import BaseModel, Field

from knowledge.domain.analyses import Indicator, RegionalAnalysis, Source
from knowledge.domain.partners import PartnerCluster, partner_for_region
from knowledge.entrypoints.roadmap_fields import (
    Figure,
    IndicatorKey,
    LongText,
    SourceUrl,
    Title,
    Unit,
    example,
    response_example,
)
from knowledge.service_layer.analyses import WriteAnalysis

MODACC_EXAMPLE = "0b1c0000-0000-4000-8000-000000000001"
INDICATORS_EXAMPLE = {
    "fashion_textile_companies": {
        "value": 4150,
        "unit": "companies",
        "source": {"title": "Idescat business directory 2025", "url": "https://www.idescat.cat/"},
    },
    "exports": {
        "value": 8.9,
        "unit": "EUR billion",
        "source": {"title": "ICEX trade statistics", "url": "https://www.icex.es/"},
    },
}


class SourceBody(BaseModel):
    model_config = example({"title": "Idescat business directory 2025", "url": "https://www.idescat.cat/"})

    title: Title
    url: SourceUrl


class IndicatorBody(BaseModel):
    model_config = example(
        {
            "value": 4150,
            "unit": "companies",
            "source": {"title": "Idescat", "url": "https://www.idescat.cat/"},
        }
    )

    value: Figure
    unit: Unit
    source: SourceBody


class AnalysisWrite(BaseModel):
    model_config = example(
        {
            "indicators": INDICATORS_EXAMPLE,
            "trends": "Knitwear makers move to recycled and regenerated yarns.",
            "challenges": "Finding skilled technicians; energy costs of finishing.",
        }
    )

    # Pydantic documents the key pattern as patternProperties, which alone admit any other key.
    indicators: Annotated[
        dict[IndicatorKey, IndicatorBody],
        Field(max_length=40, json_schema_extra={"additionalProperties": False}),
    ]
    trends: LongText = Field(description="Plain text (shown as text, never as HTML).")
    challenges: LongText = Field(description="Plain text (shown as text, never as HTML).")

    def command(self, region_code: str, year: int) -> WriteAnalysis:
        indicators = tuple(
            Indicator(key, body.value, body.unit, Source(body.source.title, str(body.source.url)))
            for key, body in self.indicators.items()
        )
        return WriteAnalysis(region_code, year, indicators, self.trends, self.challenges)


class SourcePublic(BaseModel):
    title: str
    url: str


class IndicatorPublic(BaseModel):
    value: float
    unit: str
    source: SourcePublic


class MapRegion(BaseModel):
    """A partner region's latest analysis, ready for a map layer keyed by region code."""

    model_config = response_example(
        {
            "region_code": "ES51",
            "region_name": "Catalonia",
            "cluster_id": MODACC_EXAMPLE,
            "year": 2025,
            "indicators": INDICATORS_EXAMPLE,
        }
    )

    region_code: str = Field(
        description="NUTS 2 code of the partner region; membership's organisations carry NUTS 3 codes "
        "that start with it (ES511 is in ES51)."
    )
    region_name: str
    cluster_id: UUID = Field(description="The partner cluster of the region.")
    year: int
    indicators: dict[str, IndicatorPublic]

    @classmethod
    def fields_of(cls, analysis: RegionalAnalysis) -> dict[str, object]:
        region: PartnerCluster = partner_for_region(analysis.region_code)
        return {
            "region_code": analysis.region_code,
            "region_name": region.region_name,
            "cluster_id": region.cluster_id,
            "year": analysis.year,
            "indicators": {
                i.key: IndicatorPublic(
                    value=i.value, unit=i.unit, source=SourcePublic(title=i.source.title, url=i.source.url)
                )
                for i in analysis.indicators
            },
        }

    @classmethod
    def of(cls, analysis: RegionalAnalysis) -> Self:
        return cls.model_validate(cls.fields_of(analysis))


class AnalysisPublic(MapRegion):
    """One year of a region's analysis, with its text."""

    model_config = response_example(
        {
            "region_code": "ES51",
            "region_name": "Catalonia",
            "cluster_id": MODACC_EXAMPLE,
            "year": 2025,
            "indicators": INDICATORS_EXAMPLE,
            "trends": "Knitwear makers move to recycled and regenerated yarns.",
            "challenges": "Finding skilled technicians.",
            "revision": 2,
            "written_at": "2026-11-30T12:00:00Z",
        }
    )

    trends: str
    challenges: str
    revision: int = Field(description="1 for the first writing of that year, then one more per revision.")
    written_at: datetime

    @classmethod
    def of(cls, analysis: RegionalAnalysis) -> Self:
        return cls.model_validate(
            {
                **cls.fields_of(analysis),
                "trends": analysis.trends,
                "challenges": analysis.challenges,
                "revision": analysis.revision,
                "written_at": analysis.written_at,
            }
        )


class PartnerPublic(BaseModel):
    model_config = response_example(
        {
            "cluster_id": MODACC_EXAMPLE,
            "short_name": "Modacc",
            "name": "Modacc - Catalan textile and fashion cluster",
            "country": "ES",
            "region_code": "ES51",
            "region_name": "Catalonia",
        }
    )

    cluster_id: UUID
    short_name: str
    name: str
    country: str
    region_code: str
    region_name: str
