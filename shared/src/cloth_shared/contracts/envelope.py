"""The envelope every event travels in, and the base class of event payloads."""

from datetime import UTC, datetime
from typing import Any, ClassVar, Generic, TypeVar
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from cloth_shared.ids import time_ordered_uuid


class Event(BaseModel):
    """A fact in the past tense, published by one service. Subclasses are the payloads.

    Consumers read payloads tolerantly (unknown fields are ignored) so a producer can add
    optional fields without breaking anyone; a breaking change is a new `event_version`.
    """

    model_config = ConfigDict(frozen=True, extra="ignore")

    event_type: ClassVar[str]
    event_version: ClassVar[int]
    topic: ClassVar[str]

    def subject_key(self) -> str:
        """The aggregate id: the Kafka key that keeps one aggregate's events in order."""
        raise NotImplementedError


PayloadT = TypeVar("PayloadT")


class EventEnvelope(BaseModel, Generic[PayloadT]):
    """Metadata common to all events, around the event's own payload."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    event_id: UUID = Field(description="Unique id; consumers use it to drop duplicates.")
    event_type: str = Field(description="Past-tense name of the fact, e.g. SMEJoined.")
    event_version: int = Field(ge=1, description="Schema version of the payload.")
    occurred_at: AwareDatetime = Field(description="When the fact happened (UTC).")
    producer: str = Field(description="The service that published the event.")
    correlation_id: str = Field(description="Id of the request or flow that led to this event.")
    causation_id: UUID | None = Field(
        default=None, description="Id of the event that caused this one, if any."
    )
    subject_key: str = Field(description="Aggregate id; also the Kafka message key.")
    payload: PayloadT


def wrap(
    event: Event,
    *,
    producer: str,
    correlation_id: str,
    causation_id: UUID | None = None,
    event_id: UUID | None = None,
    occurred_at: datetime | None = None,
) -> EventEnvelope[dict[str, Any]]:
    """Put an event into its envelope, ready to be serialised into the outbox."""
    return EventEnvelope[dict[str, Any]](
        # Time-ordered (cloth_shared/ids.py): every consumer's inbox and the outbox are keyed by
        # it, so a new event's row lands on their indexes' last pages.
        event_id=event_id or time_ordered_uuid(),
        event_type=event.event_type,
        event_version=event.event_version,
        occurred_at=occurred_at or datetime.now(UTC),
        producer=producer,
        correlation_id=correlation_id,
        causation_id=causation_id,
        subject_key=event.subject_key(),
        payload=event.model_dump(mode="json"),
    )
