"""Turning envelopes into Kafka bytes and back."""

from typing import Any

from pydantic import ValidationError

from cloth_shared.contracts.envelope import Event, EventEnvelope
from cloth_shared.contracts.registry import event_class

# Parametrised once: `EventEnvelope[...]` looks its class up again on every use.
_ANY_PAYLOAD = EventEnvelope[dict[str, Any]]


class UndecodableEvent(ValueError):
    """The message is not a well-formed envelope of a known event: retrying will not help."""


class UnknownEvent(Exception):
    """A well-formed envelope of an event type/version this code does not know."""

    def __init__(self, envelope: EventEnvelope[dict[str, Any]]) -> None:
        super().__init__(f"{envelope.event_type} v{envelope.event_version}")
        self.envelope = envelope


def encode(envelope: EventEnvelope[Any]) -> bytes:
    return envelope.model_dump_json().encode()


def decode(raw: bytes) -> tuple[EventEnvelope[dict[str, Any]], Event]:
    """Parse and validate a message; raise UndecodableEvent or UnknownEvent."""
    try:
        envelope = _ANY_PAYLOAD.model_validate_json(raw)
    except ValidationError as error:
        raise UndecodableEvent(f"not an event envelope: {error.error_count()} error(s)") from error
    payload_class = event_class(envelope.event_type, envelope.event_version)
    if payload_class is None:
        raise UnknownEvent(envelope)
    try:
        return envelope, payload_class.model_validate(envelope.payload)
    except ValidationError as error:
        raise UndecodableEvent(
            f"{envelope.event_type} v{envelope.event_version} payload invalid: {error}"
        ) from error
