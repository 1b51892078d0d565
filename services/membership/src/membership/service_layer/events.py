"""Maps membership domain objects to the public event contracts."""

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Literal, cast

from cloth_shared.contracts.envelope import Event
from cloth_shared.contracts.membership import (
    MembershipEnded,
    MembershipReinstated,
    OrganisationProfileUpdated,
    OrganisationSnapshot,
    PersonErased,
    PersonJoined,
    PersonRemoved,
    PersonRole,
    PersonRoleChanged,
    PersonSessionsRevoked,
    PersonSnapshot,
    SMEJoined,
    StakeholderJoined,
)
from membership.domain.organisations import Category, Fact, Organisation
from membership.domain.people import Person

EndReason = Literal["suspended", "left"]
SessionsRevokedReason = Literal["password_changed", "signed_out_everywhere", "revoked_by_administrator"]


def snapshot(organisation: Organisation) -> OrganisationSnapshot:
    o = organisation
    return OrganisationSnapshot(
        organisation_id=o.id,
        category=o.category.value,
        cluster_id=o.cluster_id,
        country=o.country,
        **o.profile.values(),
    )


def joined(organisation: Organisation) -> Event:
    """SMEJoined for SMEs, StakeholderJoined for every other category."""
    assert organisation.decided_at is not None
    event_class = SMEJoined if organisation.category is Category.SME else StakeholderJoined
    return event_class(
        organisation=snapshot(organisation),
        joined_at=organisation.decided_at,
        approved_by=organisation.decided_by,
    )


def ended(organisation: Organisation, reason: EndReason) -> Event:
    """MembershipEnded, for an organisation that was just suspended or left."""
    assert organisation.decided_at is not None
    return MembershipEnded(
        organisation=snapshot(organisation), reason=reason, ended_at=organisation.decided_at
    )


def reinstated(organisation: Organisation) -> Event:
    assert organisation.decided_at is not None
    return MembershipReinstated(organisation=snapshot(organisation), reinstated_at=organisation.decided_at)


# The event that announces each fact of an organisation's membership.
ANNOUNCEMENTS: dict[Fact, Callable[[Organisation], Event]] = {
    Fact.JOINED: joined,
    Fact.REINSTATED: reinstated,
    Fact.SUSPENDED: partial(ended, reason="suspended"),
    Fact.LEFT: partial(ended, reason="left"),
}


def profile_updated(organisation: Organisation) -> Event:
    return OrganisationProfileUpdated(organisation=snapshot(organisation))


def person_snapshot(person: Person) -> PersonSnapshot:
    assert person.role is not None
    assert person.email
    assert person.display_name
    return PersonSnapshot(
        person_id=person.id,
        display_name=person.display_name,
        email=person.email,
        language=person.language,
        role=cast(PersonRole, person.role.value),
        organisation_id=person.organisation_id,
        cluster_id=person.cluster_id,
    )


def person_joined(person: Person, at: datetime) -> Event:
    return PersonJoined(person_id=person.id, person=person_snapshot(person), joined_at=at)


def role_changed(person: Person, previous: Person, at: datetime) -> Event:
    previous_role = cast(PersonRole, previous.role.value) if previous.role else None
    return PersonRoleChanged(
        person_id=person.id, person=person_snapshot(person), previous_role=previous_role, changed_at=at
    )


def person_removed(previous: Person, at: datetime) -> Event:
    return PersonRemoved(
        person_id=previous.id,
        organisation_id=previous.organisation_id,
        cluster_id=previous.cluster_id,
        removed_at=at,
    )


def person_erased(previous: Person, at: datetime) -> Event:
    return PersonErased(
        person_id=previous.id,
        organisation_id=previous.organisation_id,
        cluster_id=previous.cluster_id,
        erased_at=at,
    )


def sessions_revoked(person: Person, reason: SessionsRevokedReason, at: datetime) -> Event:
    return PersonSessionsRevoked(person_id=person.id, reason=reason, revoked_at=at)
