"""The people exchange knows of (a read model of membership's people). Pure data.

Named `Person`, not `Participant`: a participant is one side of an exchange (parties.py).
"""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

# What reports and histories show where an erased person's name used to be.
ERASED_PERSON = "erased person"


@dataclass(frozen=True, slots=True)
class Person:
    """A person as announced by membership: who they act for, and how to address them."""

    person_id: UUID
    display_name: str
    email: str
    language: str
    role: str | None
    organisation_id: UUID | None
    cluster_id: UUID | None
    updated_at: datetime
