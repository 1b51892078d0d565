"""People, their one role on the platform, and invitations to take a role."""

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.errors import Conflict, InvalidInput, NotAllowed

PERSON_ROLES = (Role.PLATFORM_ADMIN, Role.CLUSTER_MANAGER, Role.ORGANISATION_ADMIN, Role.ORGANISATION_MEMBER)
ORGANISATION_ROLES = (Role.ORGANISATION_ADMIN, Role.ORGANISATION_MEMBER)
INVITATION_LIFETIME = timedelta(days=14)


class PersonStatus(StrEnum):
    ACTIVE = "active"
    ERASED = "erased"


class AlreadyAffiliated(Conflict):
    code = "already-affiliated"


@dataclass(frozen=True, slots=True)
class Person:
    """A person signed up on the platform. `role is None` until they apply or are invited."""

    id: UUID
    email: str | None
    display_name: str | None
    language: str
    password_hash: str | None
    created_at: datetime
    role: Role | None = None
    organisation_id: UUID | None = None
    cluster_id: UUID | None = None
    status: PersonStatus = PersonStatus.ACTIVE
    erased_at: datetime | None = None
    # Tokens issued before this are refused: the password changed or every session was ended.
    tokens_valid_from: datetime | None = None

    def principal(self) -> Principal:
        return Principal(
            subject=self.id,
            roles=frozenset({self.role}) if self.role else frozenset(),
            organisation_id=self.organisation_id,
            cluster_id=self.cluster_id,
        )


class LastOrganisationAdmin(Conflict):
    code = "last-organisation-admin"


class LastPlatformAdmin(Conflict):
    code = "last-platform-admin"


class ReservedEmail(Conflict):
    code = "email-reserved"


ADMIN_ROLES = (Role.ORGANISATION_ADMIN, Role.PLATFORM_ADMIN)


def keep_an_admin(current: Person, changed: Person, *, holders: Collection[UUID]) -> None:
    """An organisation keeps an admin and the platform an administrator: the last one cannot go.

    `holders` are the people holding `current`'s role where it holds it (including them).
    """
    kept = changed.role == current.role and changed.organisation_id == current.organisation_id
    if current.role not in ADMIN_ROLES or kept or set(holders) - {current.id}:
        return
    if current.role is Role.PLATFORM_ADMIN:
        raise LastPlatformAdmin("the platform needs another administrator first")
    raise LastOrganisationAdmin(
        "the organisation needs another admin first", organisation_id=str(current.organisation_id)
    )


def check_not_reserved(email: str, *, reserved: str | None) -> None:
    """The bootstrap administrator's address is the operator's: nobody else signs up with it."""
    if reserved is not None and email == reserved.lower():
        raise ReservedEmail("this address is reserved", field="email")


def check_scope(role: Role, *, organisation_id: UUID | None, cluster_id: UUID | None) -> None:
    """A cluster manager belongs to one cluster, an organisation role to one organisation."""
    wants_cluster = role is Role.CLUSTER_MANAGER
    wants_organisation = role in ORGANISATION_ROLES
    if wants_cluster != (cluster_id is not None):
        raise InvalidInput(f"{role} needs exactly a cluster_id", code="role-scope", field="cluster_id")
    if wants_organisation != (organisation_id is not None):
        raise InvalidInput(
            f"{role} needs exactly an organisation_id", code="role-scope", field="organisation_id"
        )


def become_first_admin(person: Person, organisation_id: UUID) -> Person:
    """The person who applies for an organisation becomes its administrator."""
    if person.role is not None:
        raise AlreadyAffiliated(
            "this person already has a role on the platform", current_role=str(person.role)
        )
    return replace(person, role=Role.ORGANISATION_ADMIN, organisation_id=organisation_id)


def assign_role(
    person: Person, role: Role, *, organisation_id: UUID | None = None, cluster_id: UUID | None = None
) -> Person:
    check_scope(role, organisation_id=organisation_id, cluster_id=cluster_id)
    return replace(person, role=role, organisation_id=organisation_id, cluster_id=cluster_id)


def remove(person: Person) -> Person:
    """The person stays signed up but loses their role and affiliation."""
    return replace(person, role=None, organisation_id=None, cluster_id=None)


def erase(person: Person, *, at: datetime) -> Person:
    """Forget personal fields; the id stays so references elsewhere remain consistent."""
    return replace(
        remove(person),
        email=None,
        display_name=None,
        password_hash=None,
        status=PersonStatus.ERASED,
        erased_at=at,
    )


@dataclass(frozen=True, slots=True)
class Invitation:
    id: UUID
    email: str
    role: Role
    invited_by: UUID
    token_hash: str
    created_at: datetime
    organisation_id: UUID | None = None
    cluster_id: UUID | None = None
    accepted_at: datetime | None = None

    @property
    def expires_at(self) -> datetime:
        return self.created_at + INVITATION_LIFETIME


def accept(invitation: Invitation, *, email: str, at: datetime) -> Invitation:
    """An invitation is for one email, used once, within its lifetime."""
    if invitation.accepted_at is not None or at > invitation.expires_at:
        raise Conflict("this invitation was already used or has expired", code="invitation-used")
    if invitation.email != email:
        raise NotAllowed("this invitation is for another email address", code="invitation-email")
    return replace(invitation, accepted_at=at)


def replace_password(person: Person, password_hash: str, *, at: datetime) -> Person:
    """A new password ends every token issued with the old one."""
    return replace(person, password_hash=password_hash, tokens_valid_from=at)


def change_email(person: Person, email: str) -> Person:
    """The address proved the person's replaces the old one: sign-in and e-mail use it now."""
    return replace(person, email=email)


def refuse_earlier_tokens(person: Person, *, at: datetime) -> Person:
    return replace(person, tokens_valid_from=at)


def token_still_valid(person: Person, *, issued_at: float | None) -> bool:
    """A token counts if issued after the person's last password change or sign-out everywhere."""
    if person.tokens_valid_from is None or issued_at is None:
        return True
    return issued_at >= person.tokens_valid_from.timestamp()
