"""Organisations and the life of their membership application."""

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from cloth_shared.errors import Conflict


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


@dataclass(frozen=True, slots=True)
class Organisation:
    id: UUID
    legal_name: str
    category: Category
    cluster_id: UUID
    country: str
    registration_number: str
    status: Status
    applied_at: datetime
    region: str | None = None
    city: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    decided_at: datetime | None = None
    rejection_reason: str | None = None
    version: int = 1


def _move(organisation: Organisation, wanted: Status, at: datetime, **changes: object) -> Organisation:
    if wanted not in ALLOWED_TRANSITIONS[organisation.status]:
        raise InvalidTransition(organisation.status, wanted)
    return replace(organisation, status=wanted, decided_at=at, version=organisation.version + 1, **changes)  # type: ignore[arg-type]


def approve(organisation: Organisation, *, at: datetime) -> Organisation:
    """The home cluster accepts the application: the organisation becomes an active member."""
    return _move(organisation, Status.ACTIVE, at)


def reject(organisation: Organisation, *, reason: str, at: datetime) -> Organisation:
    return _move(organisation, Status.REJECTED, at, rejection_reason=reason)
