"""Answers written directly with orjson: UUIDs as asyncpg returns them, nothing silently coerced."""

import json
from datetime import UTC, date, datetime
from enum import StrEnum
from uuid import uuid4

import pytest
from asyncpg.pgproto import pgproto
from pydantic import TypeAdapter

from cloth_shared.http import json_bytes


class Colour(StrEnum):
    RED = "red"


def test_uuids_of_asyncpg_and_of_the_standard_library_are_written_as_their_text() -> None:
    plain = uuid4()
    from_postgres = pgproto.UUID(str(uuid4()))  # what asyncpg returns for a uuid column

    written = json_bytes({"a": plain, "b": [from_postgres], "c": Colour.RED, "d": ("x", 1.5, None)})

    assert json.loads(written) == {
        "a": str(plain),
        "b": [str(from_postgres)],
        "c": "red",
        "d": ["x", 1.5, None],
    }


def test_a_value_json_cannot_hold_is_refused_not_turned_into_text() -> None:
    with pytest.raises(TypeError):
        json_bytes({"when": object()})


def test_times_and_dates_are_written_as_pydantic_writes_them() -> None:
    """A list written directly and a single item written through its model agree."""
    values = {
        "at": datetime(2027, 3, 1, 9, 30, 0, 250_000, tzinfo=UTC),
        "whole_second": datetime(2027, 3, 1, 9, 30, tzinfo=UTC),
        "day": date(2027, 3, 1),
    }

    assert json_bytes(values) == TypeAdapter(dict[str, datetime | date]).dump_json(values)
