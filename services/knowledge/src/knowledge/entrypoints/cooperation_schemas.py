"""The cooperation map's body: the five partner clusters with their labels, and who works with whom."""

from typing import Literal, Self
from uuid import UUID

from pydantic import BaseModel, Field

from knowledge.domain.cooperation import Link
from knowledge.domain.excellence_labels import LabelLevel
from knowledge.domain.partners import PARTNERS
from knowledge.entrypoints.roadmap_fields import response_example
from knowledge.service_layer.cluster_roadmap import CooperationMap

MODACC, EA, LDC = (f"0b1c0000-0000-4000-8000-00000000000{n}" for n in (1, 3, 5))


class CooperationCluster(BaseModel):
    cluster_id: UUID
    short_name: str
    country: str
    region_code: str
    region_name: str
    label: LabelLevel | None


class SharedActionPublic(BaseModel):
    origin: Literal["common", "cluster"] = Field(
        description="The partnership strategy, or one cluster's own."
    )
    owner_cluster_id: UUID | None
    code: str
    title: str
    objective_codes: list[str]


class LinkPublic(BaseModel):
    cluster_ids: list[UUID] = Field(description="The two clusters working together.")
    actions: list[SharedActionPublic]

    @classmethod
    def of(cls, link: Link) -> Self:
        actions = [SharedActionPublic.model_validate(a, from_attributes=True) for a in link.actions]
        return cls(cluster_ids=list(link.clusters), actions=actions)


class CooperationPublic(BaseModel):
    model_config = response_example(
        {
            "strategy_version": 1,
            "clusters": [
                {
                    "cluster_id": MODACC,
                    "short_name": "Modacc",
                    "country": "ES",
                    "region_code": "ES51",
                    "region_name": "Catalonia",
                    "label": "silver",
                }
            ],
            "links": [
                {
                    "cluster_ids": [MODACC, EA],
                    "actions": [
                        {
                            "origin": "common",
                            "owner_cluster_id": None,
                            "code": "A1",
                            "title": "Textile-waste pilots",
                            "objective_codes": ["O1"],
                        }
                    ],
                }
            ],
        }
    )

    strategy_version: int | None = Field(description="The partnership strategy version the links come from.")
    clusters: list[CooperationCluster]
    links: list[LinkPublic]

    @classmethod
    def of(cls, found: CooperationMap) -> Self:
        clusters = []
        for p in PARTNERS:
            certified = found.certifications.get(p.cluster_id)
            current = certified.current if certified else None
            clusters.append(
                CooperationCluster(
                    cluster_id=p.cluster_id,
                    short_name=p.short_name,
                    country=p.country,
                    region_code=p.region_code,
                    region_name=p.region_name,
                    label=current.level if current else None,
                )
            )
        return cls(
            strategy_version=found.strategy_version,
            clusters=clusters,
            links=[LinkPublic.of(x) for x in found.links],
        )
