"""GET /clients over HTTP: administrators list the partner systems, without their secrets."""

import pytest


async def test_an_administrator_lists_a_registered_partner_system_without_its_secret(membership):
    admin = await membership.admin()
    created = await membership.http.post(
        "/clients", json={"name": "Modacc CRM", "scopes": ["events:read"]}, headers=admin
    )
    assert created.status_code == 201, created.text

    answer = await membership.http.get("/clients", headers=admin)

    assert answer.status_code == 200, answer.text
    [listed] = [c for c in answer.json() if c["id"] == created.json()["client_id"]]
    assert (listed["name"], listed["scopes"], listed["revoked_at"]) == ("Modacc CRM", ["events:read"], None)
    assert created.json()["client_secret"] not in answer.text
    assert "secret" not in " ".join(listed)


@pytest.mark.parametrize("who", ["manager", "member", "nobody"])
async def test_only_administrators_list_partner_systems(membership, who):
    headers = {"manager": membership.manager, "nobody": membership.sign_up}.get(who)
    caller = await headers() if headers else (await membership.apply())[1]

    assert (await membership.http.get("/clients", headers=caller)).status_code == 403
    assert (await membership.http.get("/clients")).status_code == 401
