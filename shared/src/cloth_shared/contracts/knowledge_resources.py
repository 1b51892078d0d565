"""Events published by the knowledge service's library, on `knowledge.resources`.

Keyed by the resource id, so one resource's events stay in order. Each carries the
`ResourceSnapshot` of the revision concerned; the body is not carried (readers fetch it from
the library's API, where it is rendered safely).
"""

from datetime import datetime
from typing import ClassVar, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from cloth_shared.contracts import topics
from cloth_shared.contracts.envelope import Event

ResourceKind = Literal[
    "know_how", "best_practice", "case_study", "guide", "tool", "regional_analysis", "lessons_learned"
]
ResourceLanguage = Literal["en", "es", "ca", "bg", "fr", "ro", "da"]


class ResourceSnapshot(BaseModel):
    """A resource as one of its revisions describes it."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    resource_id: UUID
    group_id: UUID = Field(description="Translation group: the same resource in other languages shares it.")
    kind: ResourceKind
    language: ResourceLanguage
    author_organisation_id: UUID
    revision: int = Field(ge=1, description="The revision this event is about.")
    title: str
    summary: str
    tags: tuple[str, ...] = ()
    value_chains: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()


class _ResourceEvent(Event):
    topic: ClassVar[str] = topics.KNOWLEDGE_RESOURCES
    resource: ResourceSnapshot

    def subject_key(self) -> str:
        return str(self.resource.resource_id)


class ResourceSubmitted(_ResourceEvent):
    """Authors submitted a revision for moderation by their cluster's managers."""

    event_type: ClassVar[str] = "ResourceSubmitted"
    event_version: ClassVar[int] = 1
    submitted_by: UUID
    submitted_at: datetime


class ResourcePublished(_ResourceEvent):
    """A moderator published a revision: the public now reads it (it replaces any earlier one)."""

    event_type: ClassVar[str] = "ResourcePublished"
    event_version: ClassVar[int] = 1
    published_by: UUID
    published_at: datetime


class ResourceSentBack(_ResourceEvent):
    """A moderator sent a revision back to its authors with a comment; any published one stays."""

    event_type: ClassVar[str] = "ResourceSentBack"
    event_version: ClassVar[int] = 1
    sent_back_by: UUID
    comment: str
    sent_back_at: datetime


class ResourceArchived(_ResourceEvent):
    """The resource left the library: the public no longer reads it; its revisions are kept."""

    event_type: ClassVar[str] = "ResourceArchived"
    event_version: ClassVar[int] = 1
    archived_by: UUID
    archived_at: datetime
