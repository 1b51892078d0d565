"""The AsyncAPI 3 catalogue of every public event, generated from the contract classes.

Nothing here is written by hand per event: an event registered in `registry.ALL_EVENTS` appears
on its topic's channel, with its docstring, version and payload schema (the same schema the
snapshots in tests/contracts pin), so the catalogue partners read cannot drift from the code.
"""

import inspect
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic.json_schema import models_json_schema

from cloth_shared.contracts import topics
from cloth_shared.contracts.envelope import Event, EventEnvelope
from cloth_shared.contracts.registry import ALL_EVENTS
from cloth_shared.messaging.cloudevents import SPEC_VERSION, cloudevent_source, cloudevent_type

ASYNCAPI_VERSION = "3.0.0"
KAFKA_BINDING_VERSION = "0.5.0"
SCHEMA_REF = "#/components/schemas/{model}"
HEADERS_SCHEMA = "KafkaRecordHeaders"

DESCRIPTION = """Every public event of the CLOTH Platform, one channel per Kafka topic.

Each record's value is the JSON envelope (`payload` holds the event); its key is the envelope's
`subject_key`, the aggregate id, so one aggregate's events stay in order. Consumers drop
duplicates by `event_id`. Records also carry the CloudEvents Kafka-binding headers (binary
content mode, the envelope as data). A breaking change is a new `event_version`, published
alongside the old one; new optional fields may appear at any time."""


def _header(description: str) -> dict[str, Any]:
    return {"type": "string", "description": description}


RECORD_HEADERS: dict[str, Any] = {
    "type": "object",
    "description": "Kafka record headers (UTF-8 values).",
    "properties": {
        "event_type": _header("The envelope's event_type."),
        "event_version": _header("The envelope's event_version, in decimal."),
        "event_id": _header("The envelope's event_id."),
        "correlation_id": _header("The envelope's correlation_id."),
        "content-type": _header("Always application/json."),
        "ce_specversion": _header(f"CloudEvents spec version: {SPEC_VERSION}."),
        "ce_id": _header("CloudEvents id: the envelope's event_id."),
        "ce_source": _header("CloudEvents source: /cloth/<producing service>."),
        "ce_type": _header("CloudEvents type: cloth.<producer>.<event_type>.v<event_version>."),
        "ce_time": _header("CloudEvents time (RFC 3339): the envelope's occurred_at."),
        "ce_subject": _header("CloudEvents subject: the envelope's subject_key."),
    },
}


def message_id(event: type[Event]) -> str:
    """e.g. `SMEJoined.v1`: versions of one event are distinct messages."""
    return f"{event.event_type}.v{event.event_version}"


def producer_of(event: type[Event]) -> str:
    """The producing service: topics are named `<service>.<aggregates>`."""
    return event.topic.split(".", 1)[0]


def channel_id(topic: str) -> str:
    return topic.replace(".", "_")


def asyncapi_document(
    events: Sequence[type[Event]] = ALL_EVENTS,
    *,
    topic_names: Iterable[str] = topics.ALL_TOPICS,
    topic_prefix: str = "",
    version: str = "1.0.0",
) -> dict[str, Any]:
    """The catalogue; `topic_prefix` is the deployment's namespace in front of every topic."""
    schema_names, definitions = _payload_schemas(events)
    by_topic: dict[str, list[type[Event]]] = {topic: [] for topic in topic_names}
    for event in events:
        by_topic.setdefault(event.topic, []).append(event)
    channels = {channel_id(topic): _channel(topic, found, topic_prefix) for topic, found in by_topic.items()}
    operations = {
        f"publish_{channel_id(topic)}": _operation(topic, found) for topic, found in by_topic.items() if found
    }
    messages = {message_id(event): _message(event, schema_names[event]) for event in events}
    return {
        "asyncapi": ASYNCAPI_VERSION,
        "info": {"title": "CLOTH Platform events", "version": version, "description": DESCRIPTION},
        "defaultContentType": "application/json",
        "channels": channels,
        "operations": operations,
        "components": {
            "messages": messages,
            "schemas": {**definitions, HEADERS_SCHEMA: RECORD_HEADERS},
        },
    }


def _payload_schemas(events: Sequence[type[Event]]) -> tuple[dict[type[Event], str], dict[str, Any]]:
    """One schema per envelope, shared definitions once, names made unique by pydantic."""
    envelopes = {event: EventEnvelope[event] for event in events}  # type: ignore[valid-type]
    keys, document = models_json_schema(
        [(envelope, "serialization") for envelope in envelopes.values()], ref_template=SCHEMA_REF
    )
    names = {
        event: keys[(envelope, "serialization")]["$ref"].rsplit("/", 1)[-1]
        for event, envelope in envelopes.items()
    }
    return names, document.get("$defs", {})


def _channel(topic: str, events: list[type[Event]], prefix: str) -> dict[str, Any]:
    policy = topics.topic_config(topic).get("cleanup.policy", "delete")
    return {
        "address": f"{prefix}{topic}",
        "title": topic,
        "description": (
            f"Events of `{topic}`, keyed by the aggregate id. Cleanup policy: {policy}"
            + (" (each key's latest event is kept forever)." if policy == "compact" else ".")
        ),
        "messages": {message_id(e): {"$ref": f"#/components/messages/{message_id(e)}"} for e in events},
        "bindings": {
            "kafka": {
                "topic": f"{prefix}{topic}",
                "topicConfiguration": {"cleanup.policy": [policy]},
                "bindingVersion": KAFKA_BINDING_VERSION,
            }
        },
    }


def _operation(topic: str, events: list[type[Event]]) -> dict[str, Any]:
    channel = channel_id(topic)
    return {
        "action": "send",
        "title": f"The platform publishes to {topic}",
        "channel": {"$ref": f"#/channels/{channel}"},
        "messages": [{"$ref": f"#/channels/{channel}/messages/{message_id(e)}"} for e in events],
    }


def _message(event: type[Event], schema_name: str) -> dict[str, Any]:
    description = inspect.cleandoc(event.__doc__ or event.event_type)
    producer = producer_of(event)
    return {
        "name": event.event_type,
        "title": f"{event.event_type} v{event.event_version}",
        "summary": description.splitlines()[0],
        "description": description,
        "contentType": "application/json",
        "headers": {"$ref": f"#/components/schemas/{HEADERS_SCHEMA}"},
        "payload": {"$ref": f"#/components/schemas/{schema_name}"},
        "correlationId": {
            "description": "The request or flow that led to the event.",
            "location": "$message.header#/correlation_id",
        },
        "bindings": {
            "kafka": {
                "key": {"type": "string", "description": "The aggregate id: the envelope's subject_key."},
                "bindingVersion": KAFKA_BINDING_VERSION,
            }
        },
        "x-event-type": event.event_type,
        "x-event-version": event.event_version,
        "x-producer": producer,
        "x-cloudevents-type": cloudevent_type(
            producer=producer, event_type=event.event_type, event_version=event.event_version
        ),
        "x-cloudevents-source": cloudevent_source(producer),
    }
