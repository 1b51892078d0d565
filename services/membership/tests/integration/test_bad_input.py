"""Bad input is refused with the failing field named, and a refused request changes nothing."""

import pytest


async def organisations_and_outbox(membership) -> tuple[int, int]:
    pool = membership.infra.pool
    return await pool.fetchval("SELECT count(*) FROM organisations"), await pool.fetchval(
        "SELECT count(*) FROM outbox"
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"surprise": 1}, "body.surprise"),
        ({"country": "XX"}, "body.country"),
        ({"country": "es"}, "body.country"),
        ({"latitude": 91}, "body.latitude"),
        ({"longitude": -181}, "body.longitude"),
        ({"category": "startup"}, "body.category"),
        ({"value_chains": ["mining"]}, "body.value_chains.0"),
        ({"languages": ["zz"]}, "body.languages.0"),
        ({"legal_name": "x" * 201}, "body.legal_name"),
        ({"registration_number": "?"}, "body.registration_number"),
        ({"website": "not a url"}, "body.website"),
        ({"activities": ["a"] * 21}, "body.activities"),
    ],
)
async def test_an_invalid_application_is_a_422_naming_the_field_and_changes_nothing(
    membership, change, field
):
    applicant = await membership.sign_up()
    before = await organisations_and_outbox(membership)
    answer = await membership.http.post(
        "/organisations", json=membership.application(**change), headers=applicant
    )
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    assert field in [error["field"] for error in answer.json()["errors"]]
    assert await organisations_and_outbox(membership) == before


async def test_an_unknown_cluster_is_refused_and_the_applicant_keeps_no_role(membership):
    applicant = await membership.sign_up()
    answer = await membership.http.post(
        "/organisations",
        headers=applicant,
        json=membership.application(cluster_id="0b1c0000-0000-4000-8000-000000000099"),
    )
    assert (answer.status_code, answer.json()["field"]) == (422, "cluster_id")
    assert (await membership.http.get("/people/me", headers=applicant)).json()["role"] is None


async def test_a_profile_update_cannot_touch_what_the_cluster_validated(membership):
    organisation_id, member = await membership.apply()
    for field, value in (("category", "public_body"), ("registration_number", "NEW-1"), ("status", "active")):
        answer = await membership.http.patch(
            f"/organisations/{organisation_id}", json={field: value}, headers=member
        )
        assert answer.status_code == 422, field
    assert (await membership.http.get(f"/organisations/{organisation_id}", headers=member)).json()[
        "status"
    ] == "pending"
