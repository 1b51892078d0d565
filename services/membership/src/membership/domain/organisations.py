"""Organisations, their profile, and the life of their membership."""

from dataclasses import dataclass, fields, replace
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from cloth_shared.errors import Conflict
from membership.domain.profile import Profile, ProfileChanges


class Category(StrEnum):
    SME = "sme"
    CLUSTER_ORGANISATION = "cluster_organisation"
    SUPPORT_ORGANISATION = "support_organisation"
    LARGE_COMPANY = "large_company"
    PUBLIC_BODY = "public_body"


class Status(StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    REJECTED = "rejected"
    SUSPENDED = "suspended"
    LEFT = "left"


# Which status each status may move to; anything else is refused with the current status.
ALLOWED_TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.PENDING: frozenset({Status.ACTIVE, Status.REJECTED}),
    Status.ACTIVE: frozenset({Status.SUSPENDED, Status.LEFT}),
    Status.SUSPENDED: frozenset({Status.ACTIVE, Status.LEFT}),
    Status.REJECTED: frozenset(),
    Status.LEFT: frozenset(),
}


class Fact(StrEnum):
    """What a status change means to everyone else: the domain says it, the service announces it."""

    JOINED = "joined"
    REINSTATED = "reinstated"
    SUSPENDED = "suspended"
    LEFT = "left"


# The fact each allowed transition announces; a rejection announces nothing (it never was a member).
FACTS: dict[tuple[Status, Status], Fact] = {
    (Status.PENDING, Status.ACTIVE): Fact.JOINED,
    (Status.SUSPENDED, Status.ACTIVE): Fact.REINSTATED,
    (Status.ACTIVE, Status.SUSPENDED): Fact.SUSPENDED,
    (Status.ACTIVE, Status.LEFT): Fact.LEFT,
    (Status.SUSPENDED, Status.LEFT): Fact.LEFT,
}


class InvalidTransition(Conflict):
    code = "invalid-status-transition"

    def __init__(self, current: Status, wanted: Status) -> None:
        super().__init__(
            f"an organisation that is {current} cannot become {wanted}",
            current_status=str(current),
            requested_status=str(wanted),
        )


class DuplicateRegistration(Conflict):
    code = "duplicate-registration-number"


class ProfileClosed(Conflict):
    code = "profile-closed"


@dataclass(frozen=True, slots=True)
class Organisation:
    id: UUID
    category: Category
    cluster_id: UUID
    country: str
    registration_number: str
    status: Status
    applied_at: datetime
    profile: Profile
    decided_at: datetime | None = None
    rejection_reason: str | None = None
    decided_by: UUID | None = None
    version: int = 1

    @property
    def is_member(self) -> bool:
        return self.status is Status.ACTIVE


# What anyone may see of an active organisation (the public directory): no personal data, no
# internal state. Profile fields keep their names as columns and in the answer.
PUBLIC_FIELDS: tuple[str, ...] = (
    "id",
    "legal_name",
    "category",
    "cluster_id",
    "country",
    "region",
    "city",
    "latitude",
    "longitude",
    "value_chains",
    "size_band",
    "activities",
    "certifications",
    "languages",
    "website",
    "description",
)


def flat_values(organisation: Organisation) -> dict[str, Any]:
    """Every field by name, the profile's alongside the others (one level, no copies)."""
    values = {f.name: getattr(organisation, f.name) for f in fields(organisation) if f.name != "profile"}
    return {**values, **organisation.profile.values()}


def public_values(organisation: Organisation) -> dict[str, Any]:
    """The organisation's public fields by name."""
    values = flat_values(organisation)
    return {name: values[name] for name in PUBLIC_FIELDS}


def _move(organisation: Organisation, wanted: Status, at: datetime, **changes: Any) -> Organisation:
    if wanted not in ALLOWED_TRANSITIONS[organisation.status]:
        raise InvalidTransition(organisation.status, wanted)
    return replace(organisation, status=wanted, decided_at=at, version=organisation.version + 1, **changes)


def approve(organisation: Organisation, *, at: datetime, by: UUID | None = None) -> Organisation:
    """The home cluster accepts the application: the organisation becomes an active member."""
    return _move(organisation, Status.ACTIVE, at, decided_by=by)


def reject(organisation: Organisation, *, reason: str, at: datetime, by: UUID | None = None) -> Organisation:
    return _move(organisation, Status.REJECTED, at, rejection_reason=reason, decided_by=by)


WITHDRAWN = "withdrawn: its applicant erased their account before a decision"


def withdraw(organisation: Organisation, *, at: datetime) -> Organisation:
    """The only admin of an application still pending goes: it ends as a rejection nobody decided
    (nothing is announced: it never was a member)."""
    return _move(organisation, Status.REJECTED, at, rejection_reason=WITHDRAWN)


def suspend(organisation: Organisation, *, at: datetime, by: UUID | None = None) -> Organisation:
    return _move(organisation, Status.SUSPENDED, at, decided_by=by)


def leave(organisation: Organisation, *, at: datetime, by: UUID | None = None) -> Organisation:
    return _move(organisation, Status.LEFT, at, decided_by=by)


def reinstate(organisation: Organisation, *, at: datetime, by: UUID | None = None) -> Organisation:
    if organisation.status is not Status.SUSPENDED:  # pending → active is approval, not this
        raise InvalidTransition(organisation.status, Status.ACTIVE)
    return _move(organisation, Status.ACTIVE, at, decided_by=by)


def fact_of(before: Organisation, after: Organisation) -> Fact | None:
    """Which fact the move from `before` to `after` announces, if any."""
    return FACTS.get((before.status, after.status))


def update_profile(organisation: Organisation, changes: ProfileChanges) -> Organisation:
    """Apply profile changes; organisations that were rejected or left are closed for edits."""
    if organisation.status in (Status.REJECTED, Status.LEFT):
        raise ProfileClosed(
            f"the profile of an organisation that is {organisation.status} cannot change",
            current_status=str(organisation.status),
        )
    profile = changes.applied_to(organisation.profile)
    return replace(organisation, profile=profile, version=organisation.version + 1)
