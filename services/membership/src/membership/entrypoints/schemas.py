"""Request and response bodies of the membership API."""

from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from membership.domain.organisations import Category, Status

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


class OrganisationCreate(BaseModel):
    """An organisation's application to its home cluster."""

    model_config = ConfigDict(extra="forbid")

    legal_name: Text
    category: Category
    cluster_id: UUID
    country: CountryCode = Field(description="ISO 3166-1 alpha-2 code, e.g. ES.")
    registration_number: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=40)]
    region: Text | None = None
    city: Text | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)


class RejectionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=2000)]


class OrganisationPublic(BaseModel):
    id: UUID
    legal_name: str
    category: Category
    cluster_id: UUID
    country: str
    region: str | None
    city: str | None
    latitude: float | None
    longitude: float | None
    status: Status
    applied_at: datetime
    decided_at: datetime | None
    rejection_reason: str | None


class ClusterPublic(BaseModel):
    id: UUID
    name: str
    short_name: str
    country: str
    home_region: str
    city: str
    latitude: float
    longitude: float
