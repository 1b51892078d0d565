"""Events published by the membership service."""

from datetime import datetime
from typing import ClassVar, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from cloth_shared.contracts import topics
from cloth_shared.contracts.envelope import Event

OrganisationCategory = Literal[
    "sme", "cluster_organisation", "support_organisation", "large_company", "public_body"
]


class OrganisationSnapshot(BaseModel):
    """The public profile of an organisation, carried in events so no consumer calls back."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    organisation_id: UUID
    legal_name: str
    category: OrganisationCategory
    cluster_id: UUID = Field(description="The home cluster that validated the organisation.")
    country: str = Field(description="ISO 3166-1 alpha-2 country code.")
    region: str | None = None
    city: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    value_chains: tuple[str, ...] = ()
    size_band: str | None = None
    languages: tuple[str, ...] = ()
    website: str | None = None


class _OrganisationEvent(Event):
    topic: ClassVar[str] = topics.MEMBERSHIP_ORGANISATIONS
    organisation: OrganisationSnapshot

    def subject_key(self) -> str:
        return str(self.organisation.organisation_id)


class SMEJoined(_OrganisationEvent):
    """An SME's application was approved by its cluster: it is now an active member."""

    event_type: ClassVar[str] = "SMEJoined"
    event_version: ClassVar[int] = 1
    approved_by: UUID | None = Field(default=None, description="Person who approved, if known.")
    joined_at: datetime


class StakeholderJoined(_OrganisationEvent):
    """A non-SME organisation (cluster, support organisation, large company, public body) joined."""

    event_type: ClassVar[str] = "StakeholderJoined"
    event_version: ClassVar[int] = 1
    approved_by: UUID | None = None
    joined_at: datetime


class OrganisationProfileUpdated(_OrganisationEvent):
    """An active organisation changed its public profile; the snapshot is the new state."""

    event_type: ClassVar[str] = "OrganisationProfileUpdated"
    event_version: ClassVar[int] = 1


class MembershipEnded(_OrganisationEvent):
    """An organisation stopped being an active member (suspended or left)."""

    event_type: ClassVar[str] = "MembershipEnded"
    event_version: ClassVar[int] = 1
    reason: Literal["suspended", "left"]
    ended_at: datetime
