"""Maps membership domain objects to the public event contracts."""

from datetime import datetime
from typing import cast

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
    PersonSnapshot,
    SMEJoined,
    StakeholderJoined,
)
from membership.domain.organisations import Category, Organisation, Status
from membership.domain.people import Person


def snapshot(organisation: Organisation) -> OrganisationSnapshot:
    o = organisation
    return OrganisationSnapshot(
        organisation_id=o.id,
        legal_name=o.legal_name,
        category=o.category.value,
        cluster_id=o.cluster_id,
        country=o.country,
        region=o.region,
        city=o.city,
        latitude=o.latitude,
        longitude=o.longitude,
        value_chains=o.value_chains,
        size_band=o.size_band,
        languages=o.languages,
        website=o.website,
        activities=o.activities,
        certifications=o.certifications,
        description=o.description,
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


def ended(organisation: Organisation) -> Event:
    """MembershipEnded, for an organisation that was just suspended or left."""
    o = organisation
    assert o.decided_at is not None
    if o.status is Status.SUSPENDED:
        return MembershipEnded(organisation=snapshot(o), reason="suspended", ended_at=o.decided_at)
    assert o.status is Status.LEFT
    return MembershipEnded(organisation=snapshot(o), reason="left", ended_at=o.decided_at)


def reinstated(organisation: Organisation) -> Event:
    assert organisation.decided_at is not None
    return MembershipReinstated(organisation=snapshot(organisation), reinstated_at=organisation.decided_at)


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
