"""Events for the shared library's tests: SMEJoined whose legal name carries a sequence number."""

from uuid import UUID

from cloth_shared.contracts.membership import SMEJoined
from cloth_shared.testing.examples import sme_joined


def numbered_sme_joined(organisation_id: UUID, sequence: int) -> SMEJoined:
    return sme_joined(f"seq-{sequence}", organisation_id)
