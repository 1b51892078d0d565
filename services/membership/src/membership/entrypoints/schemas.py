"""Request and response bodies of the organisation and cluster API."""

from datetime import datetime
from typing import Annotated, Any, Self
from uuid import UUID

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, HttpUrl, StringConstraints

from cloth_shared.errors import InvalidInput
from cloth_shared.inputs import Latitude, Longitude, MultiLine, SingleLine
from membership.domain.organisations import Category, Organisation, Status, flat_values
from membership.domain.profile import PROFILE_FIELDS, Profile, ProfileChanges
from membership.domain.vocabulary import (
    SizeBand,
    ValueChain,
    country_codes,
    is_country,
    is_language,
    language_codes,
)
from membership.service_layer.applications import ApplyForMembership


def _country(code: str) -> str:
    if not is_country(code):
        raise ValueError("not an ISO 3166-1 alpha-2 country code")
    return code


def _language(code: str) -> str:
    if not is_language(code):
        raise ValueError("not an ISO 639-1 language code")
    return code


def _unique(items: list[Any]) -> list[Any]:
    return list(dict.fromkeys(items))


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), SingleLine]
Place = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100), SingleLine]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100), SingleLine]
# The document lists the codes, so a client (and a fuzzer) knows `QS` is no country before asking.
CountryCode = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{2}$"),
    AfterValidator(_country),
    Field(json_schema_extra=lambda schema: schema.update(enum=country_codes())),
]
LanguageCode = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z]{2}$"),
    AfterValidator(_language),
    Field(json_schema_extra=lambda schema: schema.update(enum=language_codes())),
]
Website = Annotated[HttpUrl, Field(max_length=300)]
Description = Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000), MultiLine]
RegistrationNumber = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9 ./-]{1,39}$")
]


class _Profile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    region: Place | None = Field(default=None, description="NUTS code (e.g. ES511) or a named region.")
    city: Place | None = None
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    value_chains: Annotated[list[ValueChain], Field(max_length=4), AfterValidator(_unique)] = []
    size_band: SizeBand | None = None
    activities: Annotated[list[Tag], Field(max_length=20), AfterValidator(_unique)] = []
    certifications: Annotated[list[Tag], Field(max_length=20), AfterValidator(_unique)] = []
    languages: Annotated[list[LanguageCode], Field(max_length=10), AfterValidator(_unique)] = []
    website: Website | None = None
    description: Description | None = None

    def _coordinates_together(self) -> None:
        # A rule across two fields, refused with its own code (a 422 `coordinates-incomplete`):
        # each field alone is valid by the published schema, so this is no schema violation.
        sent = self.model_fields_set
        if ("latitude" in sent) != ("longitude" in sent) or (self.latitude is None) != (
            self.longitude is None
        ):
            raise InvalidInput("latitude and longitude go together", code="coordinates-incomplete")

    def _sent_profile(self) -> dict[str, Any]:
        """The profile fields the caller sent, as domain values (tuples, plain strings)."""
        self._coordinates_together()
        sent = self.model_dump(exclude_unset=True)
        if sent.get("website") is not None:
            sent["website"] = str(sent["website"])
        if sent.get("size_band") is not None:
            sent["size_band"] = str(sent["size_band"])
        values = {k: tuple(str(item) for item in v) if isinstance(v, list) else v for k, v in sent.items()}
        return {k: v for k, v in values.items() if k in PROFILE_FIELDS}


class OrganisationCreate(_Profile):
    """An organisation's application to its home cluster."""

    legal_name: Text
    category: Category
    cluster_id: UUID
    country: CountryCode = Field(description="ISO 3166-1 alpha-2 code, e.g. ES.")
    registration_number: RegistrationNumber = Field(description="Registration or VAT number; unique.")

    def command(self) -> ApplyForMembership:
        return ApplyForMembership(
            category=self.category,
            cluster_id=self.cluster_id,
            country=self.country,
            registration_number=self.registration_number,
            profile=Profile(**self._sent_profile()),
        )


class OrganisationUpdate(_Profile):
    """Profile changes: only the fields sent change; category, cluster and number do not."""

    legal_name: Text | None = None

    def changes(self) -> ProfileChanges:
        # `null` clears an optional field; the name is not optional, so it cannot be cleared (its
        # own 422 code: the schema lets every field be null, as a partial update needs).
        if "legal_name" in self.model_fields_set and self.legal_name is None:
            raise InvalidInput("legal_name cannot be removed", code="legal-name-required")
        return ProfileChanges(**self._sent_profile())


class RejectionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=2000), MultiLine]


class DirectoryEntry(BaseModel):
    """What anyone may see of an active organisation: no personal data, no internal state."""

    id: UUID
    legal_name: str
    category: Category
    cluster_id: UUID
    country: str
    region: str | None
    city: str | None
    latitude: float | None
    longitude: float | None
    value_chains: list[str]
    size_band: str | None
    activities: list[str]
    certifications: list[str]
    languages: list[str]
    website: str | None
    description: str | None

    @classmethod
    def of(cls, organisation: Organisation) -> Self:
        return cls.model_validate(flat_values(organisation))


class OrganisationPublic(DirectoryEntry):
    """The full record, for the organisation's own people, its cluster and administrators."""

    registration_number: str
    status: Status
    applied_at: datetime
    decided_at: datetime | None
    rejection_reason: str | None


class DirectoryPage(BaseModel):
    items: list[DirectoryEntry]
    total: int
    limit: int
    offset: int


class ClusterCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Text
    short_name: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=2, max_length=20), SingleLine
    ]
    country: CountryCode
    home_region: Place
    city: Place
    latitude: Latitude
    longitude: Longitude


class ClusterPublic(BaseModel):
    id: UUID
    name: str
    short_name: str
    country: str
    home_region: str
    city: str
    latitude: float
    longitude: float
