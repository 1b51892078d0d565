"""CloudEvents over Kafka (binary content mode): `ce_` headers beside the platform's envelope.

Additive: the record's value stays the envelope (the CloudEvent's data, `content-type:
application/json` set by the relay), so our consumers are unchanged while a partner's standard
CloudEvents SDK reads every record as a CloudEvent as it is.
"""

from typing import Any

from cloth_shared.contracts.envelope import EventEnvelope

SPEC_VERSION = "1.0"


def cloudevent_type(*, producer: str, event_type: str, event_version: int) -> str:
    """e.g. `cloth.membership.SMEJoined.v1`: a new version is a new type, as in the registry."""
    return f"cloth.{producer}.{event_type}.v{event_version}"


def cloudevent_source(producer: str) -> str:
    """A URI-reference naming the producing service, e.g. `/cloth/membership`."""
    return f"/cloth/{producer}"


def cloudevents_headers(envelope: EventEnvelope[Any]) -> dict[str, str]:
    """The CloudEvents attributes of an event, named as the Kafka binding names its headers."""
    return {
        "ce_specversion": SPEC_VERSION,
        "ce_id": str(envelope.event_id),
        "ce_source": cloudevent_source(envelope.producer),
        "ce_type": cloudevent_type(
            producer=envelope.producer, event_type=envelope.event_type, event_version=envelope.event_version
        ),
        "ce_time": envelope.occurred_at.isoformat(),
        "ce_subject": envelope.subject_key,
    }
