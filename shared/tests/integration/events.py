"""Events for the shared library's tests: SMEJoined whose legal name carries a sequence number."""

from datetime import UTC, datetime
from uuid import UUID, uuid4

from cloth_shared.contracts.membership import OrganisationSnapshot, SMEJoined

CLUSTER = UUID("0b1c0000-0000-4000-8000-000000000001")


def numbered_sme_joined(organisation_id: UUID, sequence: int) -> SMEJoined:
    return sme_joined_named(f"seq-{sequence}", organisation_id)


def sme_joined_named(legal_name: str, organisation_id: UUID | None = None) -> SMEJoined:
    return SMEJoined(
        organisation=OrganisationSnapshot(
            organisation_id=organisation_id or uuid4(),
            legal_name=legal_name,
            category="sme",
            cluster_id=CLUSTER,
            country="ES",
        ),
        joined_at=datetime.now(UTC),
    )
