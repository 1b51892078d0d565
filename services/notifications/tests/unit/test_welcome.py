"""The welcome an organisation sees once its cluster approved it."""

from datetime import UTC, datetime
from uuid import uuid4

from notifications.domain.notifications import welcome


def test_the_welcome_names_the_organisation_and_points_to_its_next_steps() -> None:
    organisation_id, event_id = uuid4(), uuid4()
    note = welcome(
        organisation_id=organisation_id,
        legal_name="Atelier Marseille SAS",
        source_event_id=event_id,
        at=datetime.now(UTC),
    )
    assert note.organisation_id == organisation_id
    assert note.source_event_id == event_id
    assert "Atelier Marseille SAS" in note.body
    assert note.kind == "membership.welcome" and note.read_at is None


def test_two_welcomes_are_distinct_notifications() -> None:
    args = {
        "organisation_id": uuid4(),
        "legal_name": "X",
        "source_event_id": uuid4(),
        "at": datetime.now(UTC),
    }
    assert welcome(**args).id != welcome(**args).id
