"""Accounts and tokens: sign-up, sign-in limits, passwords, JWKS, partner clients, erasure."""

import json

from cloth_shared.auth.verifier import TokenVerifier
from cloth_shared.testing.kafka import read_topic
from membership.domain.organisations import WITHDRAWN

EMAIL = "ana@example.org"


async def test_sign_in_is_limited_after_five_failures_even_with_the_right_password(membership):
    await membership.sign_up(email=EMAIL)
    for _ in range(5):
        wrong = await membership.http.post("/auth/sign-in", json={"email": EMAIL, "password": "wrong"})
        assert wrong.status_code == 401
    limited = await membership.http.post(
        "/auth/sign-in", json={"email": EMAIL, "password": "correct horse battery"}
    )
    assert limited.status_code == 429
    assert limited.json()["retry_after_seconds"] > 0
    attempts = await membership.infra.pool.fetchval("SELECT count(*) FROM login_attempts WHERE NOT succeeded")
    assert attempts == 5  # kept in PostgreSQL, so every replica sees them


async def test_a_token_verifies_with_the_published_jwks_and_carries_roles_and_ids(membership):
    organisation_id, member = await membership.apply()
    jwks = (await membership.http.get("/.well-known/jwks.json")).json()
    principal = TokenVerifier.from_jwks(jwks).verify(member["Authorization"].split()[1])
    assert principal.organisation_id == organisation_id
    assert [str(role) for role in principal.roles] == ["organisation_admin"]
    assert "d" not in jwks["keys"][0]  # the private part is never published


async def test_changing_the_password_retires_the_old_one(membership):
    headers = await membership.sign_up(email=EMAIL)
    changed = await membership.http.put(
        "/people/me/password",
        headers=headers,
        json={"current_password": "correct horse battery", "new_password": "a new long password"},
    )
    assert changed.status_code == 204
    old = await membership.http.post(
        "/auth/sign-in", json={"email": EMAIL, "password": "correct horse battery"}
    )
    assert old.status_code == 401
    assert await membership.sign_in(EMAIL, "a new long password")


async def test_an_email_signs_up_once_and_sign_up_does_not_tell_whether_it_had(membership):
    body = {"password": "another long passphrase", "display_name": "Ana"}
    first = await membership.http.post("/auth/sign-up", json={"email": EMAIL, **body})
    again = await membership.http.post("/auth/sign-up", json={"email": EMAIL.upper(), **body})
    assert (first.status_code, first.json()) == (again.status_code, again.json())
    assert first.status_code == 202
    assert await membership.infra.pool.fetchval("SELECT count(*) FROM people WHERE email = $1", EMAIL) == 1


async def test_a_partner_system_exchanges_its_secret_for_a_scoped_token(membership):
    created = await membership.http.post(
        "/clients", json={"name": "Modacc CRM", "scopes": ["events:read"]}, headers=await membership.admin()
    )
    client = created.json()
    token = await membership.http.post(
        "/auth/client-token",
        json={"client_id": client["client_id"], "client_secret": client["client_secret"]},
    )
    assert (token.json()["roles"], token.json()["scopes"]) == (["partner_client"], ["events:read"])
    wrong = await membership.http.post(
        "/auth/client-token", json={"client_id": client["client_id"], "client_secret": "wrong secret!"}
    )
    assert wrong.status_code == 401


async def test_the_only_admin_of_a_pending_application_erases_their_account_and_withdraws_it(membership):
    organisation_id, applicant = await membership.apply()

    assert (await membership.http.delete("/people/me", headers=applicant)).status_code == 204

    seen = await membership.http.get(f"/organisations/{organisation_id}", headers=await membership.admin())
    assert (seen.json()["status"], seen.json()["rejection_reason"]) == ("rejected", WITHDRAWN)


async def test_export_then_erasure_forgets_the_person_here_and_tells_every_service(membership):
    # A colleague, not the organisation's only admin: the last admin cannot be erased.
    organisation_id, admin = await membership.apply()
    member = await membership.invited(admin, role="organisation_member", organisation_id=organisation_id)
    export = (await membership.http.get("/people/me/export", headers=member)).json()
    assert export["person"]["display_name"] == "Ana Puig"
    assert "password_hash" not in export["person"]
    assert (await membership.http.delete("/people/me", headers=member)).status_code == 204
    row = await membership.infra.pool.fetchrow(
        "SELECT email, display_name, password_hash FROM people WHERE id = $1", export["person"]["id"]
    )
    assert tuple(row) == (None, None, None)
    settings = membership.infra.settings
    records = await read_topic(
        settings.kafka_bootstrap_servers, settings.topic("membership.people"), at_least=3
    )
    theirs = sorted((r for r in records if r.key == export["person"]["id"].encode()), key=lambda r: r.offset)
    erased, tombstone = json.loads(theirs[-2].value), theirs[-1]
    assert tombstone.value is None  # after erasure, compaction keeps nothing of theirs
    assert (erased["event_type"], erased["payload"]["person_id"]) == ("PersonErased", export["person"]["id"])
    assert (await membership.refresh(member)).status_code == 401
