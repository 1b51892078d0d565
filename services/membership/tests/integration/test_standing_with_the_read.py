"""GET and PATCH /organisations/{id} read the caller's standing in the same statement as the
organisation: a token from a session that ended, or from before a sign-out everywhere, is
refused there as everywhere else, and the holder's current data decides."""


async def test_a_signed_out_session_can_no_longer_read_or_change_its_organisation(membership):
    organisation_id, admin = await membership.apply()
    assert (await membership.http.get(f"/organisations/{organisation_id}", headers=admin)).status_code == 200

    ended = await membership.http.post("/auth/sign-out", headers=admin, json={})
    assert ended.status_code == 204, ended.text

    read = await membership.http.get(f"/organisations/{organisation_id}", headers=admin)
    changed = await membership.http.patch(
        f"/organisations/{organisation_id}", json={"city": "X"}, headers=admin
    )
    assert (read.status_code, changed.status_code) == (401, 401)
    assert read.headers["www-authenticate"] == 'Bearer error="invalid_token"'


async def test_after_signing_out_everywhere_older_tokens_are_refused_and_a_new_one_works(membership):
    organisation_id, admin = await membership.apply()
    other_session = await membership.refreshed(admin)

    everywhere = await membership.http.post("/auth/sign-out-everywhere", headers=admin, json={})
    assert everywhere.status_code == 204, everywhere.text

    for headers in (admin, other_session):
        changed = await membership.http.patch(
            f"/organisations/{organisation_id}", json={"city": "X"}, headers=headers
        )
        assert changed.status_code == 401, changed.text
    missing = await membership.http.get(f"/organisations/{organisation_id}", headers=other_session)
    assert missing.status_code == 401
