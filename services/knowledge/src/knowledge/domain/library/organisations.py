"""The organisations the library knows, as membership announced them: who moderates whom."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID


@dataclass(frozen=True, slots=True)
class KnownOrganisation:
    organisation_id: UUID
    cluster_id: UUID
    legal_name: str
    updated_at: datetime


def announced(known: KnownOrganisation | None, announcement: KnownOrganisation) -> KnownOrganisation | None:
    """What to keep: None when a replay brings an announcement older than what is known."""
    if known is not None and known.updated_at > announcement.updated_at:
        return None
    return announcement
