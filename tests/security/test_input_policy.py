"""Whatever a client sends is refused with a 4xx problem, never a 500, and never amplified."""

import json

import pytest

from cloth_shared.testing.flows import PASSWORD, application


def sign_up_body(**overrides):
    return {"email": "ana@example.org", "password": PASSWORD, "display_name": "Ana", **overrides}


@pytest.mark.parametrize(
    ("path", "field", "value"),
    [
        ("/auth/sign-up", "display_name", "Ana\x00Puig"),
        ("/auth/sign-up", "display_name", "Ana\u202eguiP"),
        ("/auth/sign-up", "email", "ana\x00@example.org"),
        ("/auth/sign-in", "password", "\x00" * 12),
    ],
)
async def test_control_characters_in_a_text_field_are_a_422(membership, path, field, value):
    answer = await membership.http.post(
        path,
        json=sign_up_body(**{field: value}) if "up" in path else {"email": "ana@example.org", field: value},
    )
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"] == "application/problem+json"


async def test_control_characters_in_an_application_or_a_query_are_a_422(membership):
    applicant = await membership.sign_up()
    for change in ({"legal_name": "Teixits\x00"}, {"activities": ["knit\x00wear"]}, {"city": "Igua\x07lada"}):
        answer = await membership.http.post("/organisations", json=application(**change), headers=applicant)
        assert answer.status_code == 422, (change, answer.text)
    for query in ({"q": "tex\x00"}, {"region": "ES\x00"}):
        assert (await membership.http.get("/directory", params=query)).status_code == 422, query
        assert (await membership.http.get("/map/organisations.csv", params=query)).status_code == 422


@pytest.mark.parametrize(
    "change",
    [{"latitude": "41.5"}, {"latitude": True}, {"longitude": "1.6"}, {"latitude": 41.5, "longitude": None}],
)
async def test_coordinates_are_strict_numbers_and_come_in_pairs(membership, change):
    applicant = await membership.sign_up()
    answer = await membership.http.post("/organisations", json=application(**change), headers=applicant)
    assert answer.status_code == 422, answer.text


async def test_a_latitude_cannot_be_changed_without_its_longitude(membership):
    organisation_id, admin = await membership.apply()
    answer = await membership.http.patch(
        f"/organisations/{organisation_id}", json={"latitude": 40.0}, headers=admin
    )
    assert answer.status_code == 422, answer.text


async def test_a_body_over_one_megabyte_is_refused_before_it_is_parsed(membership):
    body = json.dumps(sign_up_body(display_name="x" * (1024 * 1024)))
    answer = await membership.http.post(
        "/auth/sign-up", content=body, headers={"content-type": "application/json"}
    )
    assert (answer.status_code, answer.json()["code"]) == (413, "body-too-large")


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin-1"]
)
async def test_only_utf8_json_bodies_are_accepted(membership, content_type):
    answer = await membership.http.post(
        "/auth/sign-up", content=json.dumps(sign_up_body()), headers={"content-type": content_type}
    )
    assert answer.status_code == 415, answer.text


async def test_a_body_that_is_not_utf8_is_a_415(membership):
    body = json.dumps(sign_up_body(display_name="Jos\u00e9"), ensure_ascii=False).encode("latin-1")
    answer = await membership.http.post(
        "/auth/sign-up", content=body, headers={"content-type": "application/json"}
    )
    assert answer.status_code == 415, answer.text


async def test_a_problem_document_lists_at_most_twenty_errors(membership):
    body = {**sign_up_body(), **{f"unknown{i}": 0 for i in range(50_000)}}
    answer = await membership.http.post("/auth/sign-up", json=body)
    assert answer.status_code == 422
    assert len(answer.json()["errors"]) == 20
    assert answer.json()["error_count"] > 20
    assert len(answer.content) < 10_000


@pytest.mark.parametrize(
    ("look_alike", "status"),
    [
        # The same address, already taken: answered as any sign-up (the owner is told by e-mail).
        ("ＡＮＡ@example.org", 202),  # full-width letters
        ("ANA@EXAMPLE.ORG", 202),
        ("аna@example.org", 422),  # Cyrillic a
        ("ana@exаmple.org", 422),  # Cyrillic a in the domain
        ("ana\u200b@example.org", 422),  # zero-width space
        ("\u202eana@example.org", 422),  # right-to-left override
    ],
)
async def test_a_look_alike_email_does_not_create_a_second_account(membership, look_alike, status):
    assert (await membership.http.post("/auth/sign-up", json=sign_up_body())).status_code == 202
    other_password = "another long passphrase"
    body = sign_up_body(email=look_alike, password=other_password)
    answer = await membership.http.post("/auth/sign-up", json=body)
    assert answer.status_code == status, answer.text
    credentials = {"email": look_alike, "password": other_password}
    second = await membership.http.post("/auth/sign-in", json=credentials)
    assert second.status_code in (401, 422)  # no account with the second password exists


async def test_an_international_domain_is_stored_in_its_ascii_form(membership):
    answer = await membership.http.post("/auth/sign-up", json=sign_up_body(email="Ana@Bücher.example"))
    assert answer.status_code == 202, answer.text
    me = await membership.http.get("/people/me", headers=await membership.sign_in("Ana@Bücher.example"))
    assert me.json()["email"] == "ana@xn--bcher-kva.example"


async def test_an_address_wholly_in_another_script_is_accepted_with_its_domain_in_ascii(membership):
    """Deliberate (see cloth_shared.inputs.Email): one script throughout is no look-alike."""
    body = sign_up_body(email="Иван@Пример.рф")
    answer = await membership.http.post("/auth/sign-up", json=body)
    assert answer.status_code == 202, answer.text
    signed_in = await membership.http.post(
        "/auth/sign-in", json={"email": body["email"], "password": body["password"]}
    )
    assert signed_in.status_code == 200, signed_in.text
    me = await membership.http.get(
        "/people/me", headers={"Authorization": f"Bearer {signed_in.json()['access_token']}"}
    )
    assert me.json()["email"] == "иван@xn--e1afmkfd.xn--p1ai"
