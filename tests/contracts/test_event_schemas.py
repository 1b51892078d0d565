"""Every published event's JSON schema is snapshotted: an accidental breaking change fails CI.

Partner systems build on these events. Adding an optional field shows up here as a snapshot
difference too: regenerate with `UPDATE_SNAPSHOTS=1 make pytest PYTEST_ARGS=tests/contracts`
and review that the diff only adds. A breaking change is a new event version, not an edit.
"""

import json
import os
from pathlib import Path
from typing import Any

import pytest

from cloth_shared.contracts.envelope import EventEnvelope
from cloth_shared.contracts.registry import ALL_EVENTS

SNAPSHOTS = Path(__file__).parent / "snapshots"


def _schema(event: type) -> dict[str, Any]:
    return EventEnvelope[event].model_json_schema(mode="serialization")  # type: ignore[valid-type]


def _snapshot_path(event: type) -> Path:
    return SNAPSHOTS / f"{event.event_type}.v{event.event_version}.json"  # type: ignore[attr-defined]


@pytest.mark.parametrize("event", ALL_EVENTS, ids=lambda e: f"{e.event_type}.v{e.event_version}")
def test_event_schema_matches_its_snapshot(event: type) -> None:
    path = _snapshot_path(event)
    current = _schema(event)
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.write_text(json.dumps(current, indent=2, sort_keys=True) + "\n")
    assert path.exists(), f"no snapshot for {path.name}: run with UPDATE_SNAPSHOTS=1 and commit it"
    assert json.loads(path.read_text()) == current, f"{path.name} changed: see this module's docstring"


def test_every_snapshot_belongs_to_a_published_event() -> None:
    """Removing an event (or version) that partners consume must be deliberate."""
    published = {_snapshot_path(event).name for event in ALL_EVENTS}
    assert {path.name for path in SNAPSHOTS.glob("*.json")} <= published


def test_event_types_are_unique_past_tense_names() -> None:
    keys = [(event.event_type, event.event_version) for event in ALL_EVENTS]
    assert len(keys) == len(set(keys))
    for event_type, _ in keys:
        assert event_type[0].isupper() and event_type.endswith(("ed", "Left", "Paid", "Back", "Overdue")), (
            event_type
        )
