"""The directory page is written by orjson from each entry's stored public values, not through
its response model: the two must agree, so the OpenAPI schema stays the truth."""

import json
from datetime import UTC, datetime
from uuid import uuid4

from cloth_shared.http import json_bytes
from membership.domain.organisations import PUBLIC_FIELDS, Category, Organisation, Status, public_values
from membership.domain.profile import Profile
from membership.entrypoints.schemas import DirectoryEntry


def organisation(**profile: object) -> Organisation:
    return Organisation(
        id=uuid4(),
        category=Category.SME,
        cluster_id=uuid4(),
        country="BG",
        registration_number="BG-123456789",
        applied_at=datetime(2026, 3, 1, tzinfo=UTC),
        status=Status.ACTIVE,
        profile=Profile(**profile),  # type: ignore[arg-type]
    )


def test_the_public_fields_are_the_directory_entrys_in_its_order() -> None:
    assert tuple(DirectoryEntry.model_fields) == PUBLIC_FIELDS


def test_public_values_write_the_json_of_the_response_model() -> None:
    full = organisation(
        legal_name="Модна Къща „Роза“ ООД",  # non-ASCII, quotes
        region="BG411",
        city="София",
        latitude=42.6977,
        longitude=23.3219,
        value_chains=("apparel", "textile_finishing"),
        size_band="10-49",
        activities=("design",),
        certifications=("GOTS",),
        languages=("bg", "en"),
        website="https://roza.example.bg",
        description='Line one\nline "two"',
    )
    bare = organisation(legal_name="Bare SL")
    for entry in (full, bare):
        written = json_bytes(public_values(entry))
        assert json.loads(written) == json.loads(DirectoryEntry.of(entry).model_dump_json())
