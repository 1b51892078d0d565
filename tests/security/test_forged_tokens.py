"""Any token that is not a valid, current membership token is a 401 `invalid_token`, never a 500."""

from cloth_shared.errors import PROBLEM_CONTENT_TYPE
from cloth_shared.testing.flows import PASSWORD

from .keys import forged_tokens


async def test_every_forged_token_is_refused_with_an_invalid_token_challenge(service, signing_key):
    answers = {}
    for name, token in forged_tokens(signing_key).items():
        answer = await service.http.get(service.protected_path, headers={"Authorization": f"Bearer {token}"})
        answers[name] = (
            answer.status_code,
            answer.headers.get("content-type"),
            answer.headers.get("www-authenticate"),
        )
    expected = (401, PROBLEM_CONTENT_TYPE, 'Bearer error="invalid_token"')
    assert {name: got for name, got in answers.items() if got != expected} == {}


async def test_a_request_without_a_token_is_challenged_to_bring_one(service):
    answer = await service.http.get(service.protected_path)
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == "Bearer"


async def test_a_well_signed_token_is_accepted_so_the_refusals_above_mean_something(service, signing_key):
    token = signing_key.sign(signing_key.claims())
    if service.name == "membership":  # membership also wants the person to exist: sign one up
        body = {"email": "ana@example.org", "password": PASSWORD, "display_name": "Ana"}
        assert (await service.http.post("/auth/sign-up", json=body)).status_code == 202
        credentials = {"email": body["email"], "password": PASSWORD}
        signed_in = await service.http.post("/auth/sign-in", json=credentials)
        token = signed_in.json()["access_token"]
    answer = await service.http.get(service.protected_path, headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code != 401, answer.text
