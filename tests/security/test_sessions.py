"""Sessions end: refresh tokens work once, within a lifetime, and can be revoked by their owner
or an administrator; an access token alone no longer buys a new one."""

from uuid import UUID, uuid4


async def whoami(membership, headers) -> UUID:
    return UUID((await membership.http.get("/people/me", headers=headers)).json()["id"])


async def test_an_access_token_alone_no_longer_buys_a_new_one(membership):
    person = await membership.sign_up()
    answer = await membership.http.post("/auth/refresh", headers=person)
    assert answer.status_code == 422  # a refresh token is needed in the body


async def test_a_refresh_token_is_rotated_and_its_reuse_ends_the_session(membership):
    person = await membership.sign_up()
    stolen = membership.refresh_tokens[person["Authorization"]]
    legitimate = await membership.refreshed(person)

    replay = await membership.http.post("/auth/refresh", json={"refresh_token": stolen})
    assert (replay.status_code, replay.json()["code"]) == (401, "refresh-token-reused")
    assert replay.headers["www-authenticate"] == 'Bearer error="invalid_token"'
    assert (await membership.refresh(legitimate)).status_code == 401
    assert (await membership.http.get("/people/me", headers=legitimate)).status_code == 401


async def test_signing_out_ends_the_session_and_its_tokens(membership):
    person = await membership.sign_up()
    assert (await membership.http.post("/auth/sign-out", headers=person)).status_code == 204
    assert (await membership.refresh(person)).status_code == 401
    assert (await membership.http.get("/people/me", headers=person)).status_code == 401


async def test_signing_out_everywhere_ends_every_session(membership):
    email = f"{uuid4().hex[:12]}@example.org"
    first = await membership.sign_up(email=email)
    second = await membership.sign_in(email)
    assert (await membership.http.post("/auth/sign-out-everywhere", headers=first)).status_code == 204
    for headers in (first, second):
        assert (await membership.http.get("/people/me", headers=headers)).status_code == 401
        assert (await membership.refresh(headers)).status_code == 401


async def test_an_administrator_ends_a_persons_sessions_and_others_may_not(membership):
    person, stranger, admin = await membership.sign_up(), await membership.sign_up(), await membership.admin()
    person_id = await whoami(membership, person)
    assert (
        await membership.http.delete(f"/people/{person_id}/sessions", headers=stranger)
    ).status_code == 403
    assert (await membership.http.delete(f"/people/{person_id}/sessions", headers=admin)).status_code == 204
    assert (await membership.http.get("/people/me", headers=person)).status_code == 401
    assert (await membership.refresh(person)).status_code == 401


async def test_a_password_change_refuses_tokens_issued_before_it(membership):
    person = await membership.sign_up()
    change = {"current_password": "correct horse battery", "new_password": "a different long passphrase"}
    assert (await membership.http.put("/people/me/password", json=change, headers=person)).status_code == 204
    assert (await membership.http.get("/people/me", headers=person)).status_code == 401
    assert (await membership.refresh(person)).status_code == 401
