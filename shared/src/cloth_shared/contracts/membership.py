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
    activities: tuple[str, ...] = Field(default=(), description="What the organisation does.")
    certifications: tuple[str, ...] = Field(default=(), description="Sustainability certifications.")
    description: str | None = None


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


class MembershipReinstated(_OrganisationEvent):
    """A suspended organisation was made active again by its cluster or an administrator."""

    event_type: ClassVar[str] = "MembershipReinstated"
    event_version: ClassVar[int] = 1
    reinstated_at: datetime


PersonRole = Literal["platform_admin", "cluster_manager", "organisation_admin", "organisation_member"]


class PersonSnapshot(BaseModel):
    """How to address a person. Personal data: consumers must forget it on PersonErased."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    person_id: UUID
    display_name: str
    email: str
    language: str = Field(description="ISO 639-1 code of the language to write to them in.")
    role: PersonRole
    organisation_id: UUID | None = None
    cluster_id: UUID | None = None


class _PersonEvent(Event):
    topic: ClassVar[str] = topics.MEMBERSHIP_PEOPLE
    person_id: UUID

    def subject_key(self) -> str:
        return str(self.person_id)


class PersonJoined(_PersonEvent):
    """A person got a role on the platform (signed up through an invitation, or applied)."""

    event_type: ClassVar[str] = "PersonJoined"
    event_version: ClassVar[int] = 1
    person: PersonSnapshot
    joined_at: datetime


class PersonRoleChanged(_PersonEvent):
    """A person's role changed; `person` is the new state."""

    event_type: ClassVar[str] = "PersonRoleChanged"
    event_version: ClassVar[int] = 1
    person: PersonSnapshot
    previous_role: PersonRole | None = None
    changed_at: datetime


class PersonRemoved(_PersonEvent):
    """A person no longer belongs to their organisation or cluster; they keep no role."""

    event_type: ClassVar[str] = "PersonRemoved"
    event_version: ClassVar[int] = 1
    organisation_id: UUID | None = None
    cluster_id: UUID | None = None
    removed_at: datetime


class PersonErased(_PersonEvent):
    """A person asked to be forgotten: every service must delete what it holds about them."""

    event_type: ClassVar[str] = "PersonErased"
    event_version: ClassVar[int] = 1
    organisation_id: UUID | None = None
    cluster_id: UUID | None = None
    erased_at: datetime


class PersonSessionsRevoked(_PersonEvent):
    """Every token a person holds stops speaking for them: they changed their password, signed
    out everywhere, or an administrator ended their sessions. Carries no personal data."""

    event_type: ClassVar[str] = "PersonSessionsRevoked"
    event_version: ClassVar[int] = 1
    reason: Literal["password_changed", "signed_out_everywhere", "revoked_by_administrator"]
    revoked_at: datetime


class EmailAddressVerified(_PersonEvent):
    """A person proved the address is theirs (opened the single-use link). Until then the
    platform sends that address nothing but the verification itself. `person` is the person's
    full state when they hold a role (so it may stand as their latest event on this compacted
    topic); None for an account without a role yet, which has no other event here."""

    event_type: ClassVar[str] = "EmailAddressVerified"
    event_version: ClassVar[int] = 1
    email: str
    person: PersonSnapshot | None = None
    verified_at: datetime


class _AccountEmailEvent(Event):
    """Travels on membership.account-emails (time-retained, not compacted), keyed by person id."""

    topic: ClassVar[str] = topics.MEMBERSHIP_ACCOUNT_EMAILS
    person_id: UUID
    email: str = Field(description="The address to write to: not necessarily verified yet.")
    display_name: str
    language: str = Field(description="ISO 639-1 code of the language to write to them in.")

    def subject_key(self) -> str:
        return str(self.person_id)


class EmailVerificationRequested(_AccountEmailEvent):
    """Membership asks that this new (or changed) address be sent a link proving it is the
    person's. `token` is single-use and expires; membership keeps only its hash. Personal data
    and a secret: consumers must not keep the token after sending it."""

    event_type: ClassVar[str] = "EmailVerificationRequested"
    event_version: ClassVar[int] = 1
    token: str = Field(description="Single-use; POST it to membership's /auth/verify-email.")
    expires_at: datetime


class ExistingAccountSignUpAttempted(_AccountEmailEvent):
    """Someone signed up with an address that already has an account. Sign-up answers as for a
    new address (it reveals nothing); the account's owner is told by e-mail instead."""

    event_type: ClassVar[str] = "ExistingAccountSignUpAttempted"
    event_version: ClassVar[int] = 1
    attempted_at: datetime
