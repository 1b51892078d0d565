"""The people knowledge knows of: authors, moderators and learners, as membership announced them."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

# What a resource shows as its author once that person has been erased.
ERASED_PERSON = "erased person"


@dataclass(frozen=True, slots=True)
class Contributor:
    """A person as announced by membership: enough to address them and check their authority."""

    person_id: UUID
    display_name: str
    email: str
    language: str
    role: str | None
    organisation_id: UUID | None
    cluster_id: UUID | None
    updated_at: datetime
