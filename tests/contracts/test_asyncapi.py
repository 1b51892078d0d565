"""The AsyncAPI catalogue partners read: valid AsyncAPI 3, complete, and equal to the snapshots.

Generated from the contract classes (cloth_shared.contracts.asyncapi), so it cannot drift from
the code; these tests pin that it also cannot drift from the reviewed schema snapshots.
"""

import copy
import json
from pathlib import Path
from typing import Any, ClassVar

import jsonschema

from cloth_shared.contracts import topics
from cloth_shared.contracts.asyncapi import asyncapi_document, channel_id, message_id
from cloth_shared.contracts.envelope import Event
from cloth_shared.contracts.registry import ALL_EVENTS

HERE = Path(__file__).parent
ASYNCAPI_SCHEMA = json.loads((HERE / "asyncapi" / "asyncapi-3.0.0.schema.json").read_text())


def _inline(schema: Any, definitions: dict[str, Any]) -> Any:
    """The schema with every local `$ref` replaced by what it names (either spelling)."""
    if isinstance(schema, list):
        return [_inline(item, definitions) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        return _inline(definitions[schema["$ref"].rsplit("/", 1)[-1]], definitions)
    return {key: _inline(value, definitions) for key, value in schema.items() if key != "$defs"}


def _payload(document: dict[str, Any], event: type[Event]) -> Any:
    schemas = document["components"]["schemas"]
    message = document["components"]["messages"][message_id(event)]
    return _inline(message["payload"], schemas)


def _snapshot(event: type[Event]) -> Any:
    path = HERE / "snapshots" / f"{event.event_type}.v{event.event_version}.json"
    snapshot = json.loads(path.read_text())
    return _inline(snapshot, snapshot.get("$defs", {}))


def test_the_catalogue_is_a_valid_asyncapi_3_document() -> None:
    jsonschema.Draft7Validator(ASYNCAPI_SCHEMA).validate(asyncapi_document())


def test_the_official_schema_would_refuse_a_broken_catalogue() -> None:
    broken = copy.deepcopy(asyncapi_document())
    broken["channels"]["membership_people"]["bindings"]["kafka"]["partitions"] = 0
    del broken["info"]
    errors = list(jsonschema.Draft7Validator(ASYNCAPI_SCHEMA).iter_errors(broken))
    assert len(errors) >= 2


def test_every_message_payload_is_its_reviewed_schema_snapshot() -> None:
    document = asyncapi_document()
    for event in ALL_EVENTS:
        assert _payload(document, event) == _snapshot(event), message_id(event)


def test_every_event_is_on_its_topics_channel_with_its_version_description_and_key() -> None:
    document = asyncapi_document(topic_prefix="prod.")
    assert {channel_id(topic) for topic in topics.ALL_TOPICS} <= set(document["channels"])
    for event in ALL_EVENTS:
        channel = document["channels"][channel_id(event.topic)]
        assert channel["address"] == f"prod.{event.topic}"
        assert message_id(event) in channel["messages"]
        message = document["components"]["messages"][message_id(event)]
        assert (message["name"], message["x-event-version"]) == (event.event_type, event.event_version)
        assert message["summary"] and message["summary"] in (event.__doc__ or "")
        assert message["bindings"]["kafka"]["key"]["type"] == "string"
    compacted = document["channels"][channel_id(topics.MEMBERSHIP_PEOPLE)]["bindings"]["kafka"]
    assert compacted["topicConfiguration"] == {"cleanup.policy": ["compact"]}


class _ResourceArchived(Event):
    """A resource was archived (an event that exists only in this test)."""

    event_type: ClassVar[str] = "ResourceArchived"
    event_version: ClassVar[int] = 2
    topic: ClassVar[str] = topics.KNOWLEDGE_RESOURCES
    resource_id: str

    def subject_key(self) -> str:
        return self.resource_id


def test_a_newly_registered_event_appears_without_touching_the_generator() -> None:
    document = asyncapi_document((*ALL_EVENTS, _ResourceArchived))
    channel = document["channels"][channel_id(topics.KNOWLEDGE_RESOURCES)]
    assert "ResourceArchived.v2" in channel["messages"]
    operation = document["operations"][f"publish_{channel_id(topics.KNOWLEDGE_RESOURCES)}"]
    assert {"$ref": f"#/channels/{channel_id(topics.KNOWLEDGE_RESOURCES)}/messages/ResourceArchived.v2"} in (
        operation["messages"]
    )
    fields = _payload(document, _ResourceArchived)["properties"]["payload"]["properties"]
    assert fields["resource_id"] == {"title": "Resource Id", "type": "string"}
    jsonschema.Draft7Validator(ASYNCAPI_SCHEMA).validate(document)
