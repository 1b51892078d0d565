"""The inbox, stream and preferences routes are documented as clients are generated from them."""

from typing import Any

import pytest

from cloth_shared.service import create_app
from notifications.bootstrap import DEFINITION


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    # The OpenAPI document needs no running service: settings are never loaded.
    return create_app(DEFINITION, lambda: None).openapi()  # type: ignore[arg-type,return-value]


OWN_ROUTES = [
    ("get", "/inbox"),
    ("get", "/inbox/unread-count"),
    ("post", "/inbox/read-all"),
    ("post", "/inbox/{notification_id}/read"),
    ("post", "/inbox/{notification_id}/archive"),
    ("get", "/inbox/stream"),
    ("get", "/preferences"),
    ("put", "/preferences/{category}/{channel}"),
]


@pytest.mark.parametrize(("method", "path"), OWN_ROUTES)
def test_every_route_declares_the_refusals_it_can_answer(
    document: dict[str, Any], method: str, path: str
) -> None:
    responses = document["paths"][path][method]["responses"]
    assert {"200", "401", "403"} <= set(responses)
    assert "application/problem+json" in responses["403"]["content"]


def test_the_stream_is_documented_as_text_event_stream_with_an_example(document: dict[str, Any]) -> None:
    stream = document["paths"]["/inbox/stream"]["get"]
    content = stream["responses"]["200"]["content"]
    assert "example" in content["text/event-stream"]
    assert any(p["name"] == "Last-Event-ID" and p["in"] == "header" for p in stream["parameters"])


def test_the_inbox_page_and_a_preference_carry_examples(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    assert schemas["InboxPagePublic"]["examples"] and schemas["PreferencePublic"]["examples"]
    assert schemas["PreferenceChoice"]["examples"] == [{"frequency": "daily_digest"}]
