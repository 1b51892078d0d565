"""Verifying an address over HTTP: the link's token arrives on membership.account-emails, works
once, and the verification is announced on membership.people."""

import json

from cloth_shared.contracts import topics
from cloth_shared.testing.flows import PASSWORD
from cloth_shared.testing.kafka import read_topic

EMAIL = "ivan@example.org"
SIGN_UP = {"email": EMAIL, "password": "correct horse battery", "display_name": "Иван", "language": "bg"}


async def published(membership, topic: str, event_type: str) -> list[dict]:
    settings = membership.infra.settings
    records = await read_topic(settings.kafka_bootstrap_servers, settings.topic(topic), at_least=1)
    return [json.loads(r.value) for r in records if json.loads(r.value)["event_type"] == event_type]


async def test_a_new_address_is_verified_once_with_the_token_of_its_link(membership):
    assert (await membership.http.post("/auth/sign-up", json=SIGN_UP)).status_code == 202
    (asked,) = await published(membership, topics.MEMBERSHIP_ACCOUNT_EMAILS, "EmailVerificationRequested")
    assert (asked["payload"]["email"], asked["payload"]["language"]) == (EMAIL, "bg")
    token = asked["payload"]["token"]
    stored = await membership.infra.pool.fetchval("SELECT token_hash FROM email_verifications")
    assert token not in stored  # only a hash is kept

    verified = await membership.http.post("/auth/verify-email", json={"token": token})
    again = await membership.http.post("/auth/verify-email", json={"token": token})

    assert verified.status_code == 204
    assert (again.status_code, again.json()["code"]) == (409, "verification-token-used")
    (announced,) = await published(membership, topics.MEMBERSHIP_PEOPLE, "EmailAddressVerified")
    assert announced["payload"]["email"] == EMAIL


async def test_a_person_signs_in_before_verifying(membership):
    assert (await membership.http.post("/auth/sign-up", json=SIGN_UP)).status_code == 202
    assert await membership.sign_in(EMAIL, SIGN_UP["password"])


async def test_a_made_up_or_malformed_token_is_a_problem_not_a_verification(membership):
    unknown = await membership.http.post("/auth/verify-email", json={"token": "x" * 43})
    assert (unknown.status_code, unknown.json()["code"]) == (404, "verification-token-unknown")
    malformed = await membership.http.post("/auth/verify-email", json={"token": "<script>"})
    assert malformed.status_code == 422


async def test_signing_up_with_a_taken_address_tells_its_owner_by_e_mail(membership):
    await membership.sign_up(email=EMAIL)
    again = await membership.http.post("/auth/sign-up", json={**SIGN_UP, "email": EMAIL.upper()})
    assert again.status_code == 202
    topic = topics.MEMBERSHIP_ACCOUNT_EMAILS
    (notice,) = await published(membership, topic, "ExistingAccountSignUpAttempted")
    assert (notice["payload"]["email"], notice["payload"]["language"]) == (EMAIL, "ca")  # the owner's


async def test_a_changed_address_takes_over_sign_in_once_its_link_is_opened(membership):
    headers = await membership.sign_up(email=EMAIL)
    new_address = "ivan.petrov@example.org"
    body = {"email": new_address, "current_password": PASSWORD}

    wrong = await membership.http.put(
        "/people/me/email", json={**body, "current_password": "x"}, headers=headers
    )
    changed = await membership.http.put("/people/me/email", json=body, headers=headers)

    assert wrong.status_code == 401
    assert (changed.status_code, changed.json()["status"]) == (202, "check-your-email")
    asked = await published(membership, topics.MEMBERSHIP_ACCOUNT_EMAILS, "EmailVerificationRequested")
    link = next(a for a in asked if a["payload"]["email"] == new_address)
    assert await membership.sign_in(EMAIL)  # the old one until it is opened

    assert (await membership.http.post("/auth/verify-email", json=link["payload"])).status_code == 422
    verified = await membership.http.post("/auth/verify-email", json={"token": link["payload"]["token"]})

    assert verified.status_code == 204
    assert await membership.sign_in(new_address)
    old = await membership.http.post("/auth/sign-in", json={"email": EMAIL, "password": PASSWORD})
    assert old.status_code == 401
    me = await membership.http.get("/people/me", headers=headers)
    assert me.json()["email"] == new_address
