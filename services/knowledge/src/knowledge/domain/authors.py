"""Who wrote what: the people knowledge credits for resources, as membership announced them."""

from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID

# Resources outlive their authors' personal data: after erasure they are credited to this.
ERASED_PERSON = "erased person"


@dataclass(frozen=True, slots=True)
class Author:
    person_id: UUID
    display_name: str
    organisation_id: UUID | None
    updated_at: datetime
    erased: bool = False


def erase(author: Author, *, at: datetime) -> Author:
    """Keep the row (resources point at it), drop what identifies the person."""
    return replace(author, display_name=ERASED_PERSON, organisation_id=None, updated_at=at, erased=True)


def announced(known: Author | None, announcement: Author) -> Author | None:
    """What to keep after an announcement: None when it changes nothing.

    Replays can bring an older announcement after a newer one, or a person's announcements
    after their erasure: neither may bring back an older state or an erased name.
    """
    if known is not None and (known.erased or known.updated_at > announcement.updated_at):
        return None
    return announcement
