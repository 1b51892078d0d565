"""The routing table covers every public event of the covered producers, with fields that exist."""

from pathlib import Path

import pytest

from cloth_shared.contracts import topics
from cloth_shared.contracts.envelope import Event
from cloth_shared.contracts.registry import ALL_EVENTS
from notifications.domain.routing import ROUTES, describe_table, route_for

# Producers whose every event the table must cover (knowledge's rows come with its contracts).
COVERED_TOPICS = {
    topics.MEMBERSHIP_ORGANISATIONS,
    topics.MEMBERSHIP_PEOPLE,
    topics.EXCHANGE_EXCHANGES,
    topics.KNOWLEDGE_RESOURCES,
    topics.KNOWLEDGE_TRAINING,
    topics.KNOWLEDGE_ROADMAP,
}
COVERED = [event for event in ALL_EVENTS if event.topic in COVERED_TOPICS]
README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.parametrize("event", COVERED, ids=lambda e: e.event_type)
def test_every_registered_event_of_a_covered_producer_has_a_routing_row(event: type[Event]) -> None:
    assert route_for(event.event_type) is not None, f"add a row for {event.event_type} to ROUTES"


def test_every_row_is_of_a_registered_event_and_appears_once() -> None:
    registered = {event.event_type for event in ALL_EVENTS}
    types = [row.event_type for row in ROUTES]
    assert sorted(set(types) - registered) == []
    assert len(types) == len(set(types))


def _has_field(event: type[Event], path: str) -> bool:
    model: object = event
    for key in path.split("."):
        fields = getattr(model, "model_fields", {})
        if key not in fields:
            return False
        model = fields[key].annotation
        model = next((a for a in getattr(model, "__args__", ()) if hasattr(a, "model_fields")), model)
    return True


@pytest.mark.parametrize("row", ROUTES, ids=lambda r: r.event_type)
def test_every_path_a_row_names_is_a_field_of_its_event(row) -> None:  # type: ignore[no-untyped-def]
    event = next(e for e in ALL_EVENTS if e.event_type == row.event_type)
    paths = [t.audience.path for t in row.tells if t.audience.path]  # "": everyone in a role
    paths += [row.actor] if row.actor else []
    assert [p for p in paths if not _has_field(event, p)] == []


def test_the_readme_shows_the_table_the_code_routes_by() -> None:
    assert describe_table() in README.read_text(encoding="utf-8")


def test_a_path_to_nowhere_is_caught() -> None:
    from cloth_shared.contracts.exchange import ExchangeRequested

    assert _has_field(ExchangeRequested, "exchange.host_organisation_id")
    assert not _has_field(ExchangeRequested, "exchange.host_person_id")
