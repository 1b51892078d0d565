"""Maps membership domain objects to the public event contracts."""

from cloth_shared.contracts.envelope import Event
from cloth_shared.contracts.membership import OrganisationSnapshot, SMEJoined, StakeholderJoined
from membership.domain.organisations import Category, Organisation


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
    )


def joined(organisation: Organisation) -> Event:
    """SMEJoined for SMEs, StakeholderJoined for every other category."""
    assert organisation.decided_at is not None
    event_class = SMEJoined if organisation.category is Category.SME else StakeholderJoined
    return event_class(organisation=snapshot(organisation), joined_at=organisation.decided_at)
