"""Response and request schemas of the person inbox and preferences, with OpenAPI examples."""

import base64
import binascii
from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from cloth_shared.errors import InvalidInput
from notifications.domain.inbox import InboxState, PersonNotification
from notifications.domain.preferences import Frequency, Preference
from notifications.domain.routing import Category, Channel

_ITEM_EXAMPLE: dict[str, Any] = {
    "id": "6f1c9a7e-3d2b-4c1a-9e8f-0a1b2c3d4e5f",
    "sequence": 42,
    "event_type": "ExchangeRequested",
    "category": "exchanges",
    "title": "Exchange requested",
    "state": "unread",
    "created_at": "2026-11-30T09:15:00Z",
    "read_at": None,
    "archived_at": None,
    "context": {"event_type": "ExchangeRequested", "organisation_names": {}},
}


class InboxItem(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [_ITEM_EXAMPLE]})

    id: UUID
    sequence: int = Field(description="The person's own increasing number: the SSE event id.")
    event_type: str = Field(description="The event it tells of; clients translate titles by it.")
    category: Category
    title: str
    state: InboxState
    created_at: datetime
    read_at: datetime | None
    archived_at: datetime | None
    context: dict[str, Any] = Field(description="The event's payload and the names it refers to.")

    @classmethod
    def of(cls, n: PersonNotification) -> "InboxItem":
        return cls(
            id=n.id,
            sequence=n.sequence,
            event_type=n.event_type,
            category=n.category,
            title=n.title,
            state=n.state,
            created_at=n.created_at,
            read_at=n.read_at,
            archived_at=n.archived_at,
            context=dict(n.context),
        )


class InboxPagePublic(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"items": [_ITEM_EXAMPLE], "unread": 3, "next_cursor": "czo0Mg"}]}
    )

    items: list[InboxItem]
    unread: int = Field(description="Unread, not archived notifications in the whole inbox.")
    next_cursor: str | None = Field(description="Pass as `cursor` for older items; null on the last page.")


class UnreadCount(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"unread": 3}]})

    unread: int


class MarkedRead(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"marked": 3}]})

    marked: int = Field(description="How many notifications changed from unread to read.")


class PreferencePublic(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"category": "exchanges", "channel": "email", "frequency": "immediate"}]
        }
    )

    category: Category
    channel: Channel
    frequency: Frequency

    @classmethod
    def of(cls, p: Preference) -> "PreferencePublic":
        return cls(category=p.category, channel=p.channel, frequency=p.frequency)


class PreferenceChoice(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"frequency": "daily_digest"}]})

    frequency: Frequency


def encode_cursor(sequence: int) -> str:
    return base64.urlsafe_b64encode(f"s:{sequence}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, sequence = text.split(":")
        if prefix != "s" or not sequence.isdigit():
            raise ValueError(text)
        return int(sequence)
    except (binascii.Error, ValueError, UnicodeDecodeError) as error:
        raise InvalidInput("not a cursor of this inbox", code="bad-cursor", field="cursor") from error
