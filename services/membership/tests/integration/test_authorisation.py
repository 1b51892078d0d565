"""Every authorisation rule over HTTP: 401 without a token, 403 for everyone not allowed."""

from uuid import uuid4

import pytest


async def test_writes_without_a_token_or_with_a_forged_one_are_401(membership):
    some_id = uuid4()
    forged = {"Authorization": "Bearer eyJhbGciOiJFZERTQSJ9.e30.AAAA"}
    for method, path in (
        ("POST", "/organisations"),
        ("POST", f"/organisations/{some_id}/approval"),
        ("PATCH", f"/organisations/{some_id}"),
        ("POST", "/clusters"),
        ("POST", "/invitations"),
        ("GET", "/people/me"),
        ("GET", f"/organisations/{some_id}"),
    ):
        for headers in ({}, forged):
            answer = await membership.http.request(method, path, json={}, headers=headers)
            assert answer.status_code == 401, (method, path, answer.text)


async def test_a_cluster_manager_decides_applications_to_their_own_cluster_only(membership):
    organisation_id, applicant = await membership.apply()
    other_manager = await membership.manager(membership.BFA)
    for who in (other_manager, applicant, await membership.admin(), await membership.sign_up()):
        answer = await membership.http.post(f"/organisations/{organisation_id}/approval", headers=who)
        assert answer.status_code == 403, answer.text
    listing = await membership.http.get(f"/clusters/{membership.MODACC}/applications", headers=other_manager)
    assert listing.status_code == 403
    own = await membership.http.get(
        f"/clusters/{membership.MODACC}/applications", headers=await membership.manager()
    )
    assert [o["id"] for o in own.json()] == [str(organisation_id)]


async def test_members_of_another_organisation_cannot_read_or_change_it_by_guessing_its_id(membership):
    manager = await membership.manager()
    target, _ = await membership.active(manager)
    _, outsider = await membership.active(manager)
    assert (await membership.http.get(f"/organisations/{target}", headers=outsider)).status_code == 403
    assert (await membership.http.get(f"/organisations/{target}/people", headers=outsider)).status_code == 403
    changed = await membership.http.patch(f"/organisations/{target}", json={"city": "X"}, headers=outsider)
    assert changed.status_code == 403
    invited = await membership.http.post(
        "/invitations",
        headers=outsider,
        json={"email": "x@example.org", "role": "organisation_member", "organisation_id": str(target)},
    )
    assert invited.status_code == 403


async def test_an_organisation_admin_invites_a_colleague_who_may_edit_but_not_invite(membership):
    organisation_id, admin = await membership.apply()
    colleague = await membership.invited(admin, role="organisation_member", organisation_id=organisation_id)
    edited = await membership.http.patch(
        f"/organisations/{organisation_id}", json={"city": "Manresa"}, headers=colleague
    )
    assert edited.status_code == 200
    again = await membership.http.post(
        "/invitations",
        headers=colleague,
        json={
            "email": "y@example.org",
            "role": "organisation_member",
            "organisation_id": str(organisation_id),
        },
    )
    assert again.status_code == 403
    people = await membership.http.get(f"/organisations/{organisation_id}/people", headers=admin)
    assert sorted(p["role"] for p in people.json()) == ["organisation_admin", "organisation_member"]


@pytest.mark.parametrize("who", ["manager", "member", "nobody"])
async def test_only_administrators_add_clusters_and_partner_clients(membership, who):
    headers = {"manager": membership.manager, "nobody": membership.sign_up}.get(who)
    caller = await headers() if headers else (await membership.apply())[1]
    cluster = {
        "name": "Tessile Prato",
        "short_name": "TP",
        "country": "IT",
        "home_region": "Tuscany",
        "city": "Prato",
        "latitude": 43.88,
        "longitude": 11.1,
    }
    assert (await membership.http.post("/clusters", json=cluster, headers=caller)).status_code == 403
    assert (
        await membership.http.post("/clusters", json=cluster, headers=await membership.admin())
    ).status_code == 201
    assert (await membership.http.post("/clients", json={"name": "CRM"}, headers=caller)).status_code == 403


async def test_only_administrators_and_the_organisations_admin_change_roles(membership):
    organisation_id, org_admin = await membership.apply()
    colleague = await membership.invited(
        org_admin, role="organisation_member", organisation_id=organisation_id
    )
    colleague_id = (await membership.http.get("/people/me", headers=colleague)).json()["id"]
    to_platform_admin = {"role": "platform_admin"}
    refused = await membership.http.put(
        f"/people/{colleague_id}/role", json=to_platform_admin, headers=org_admin
    )
    assert refused.status_code == 403
    promoted = await membership.http.put(
        f"/people/{colleague_id}/role",
        headers=org_admin,
        json={"role": "organisation_admin", "organisation_id": str(organisation_id)},
    )
    assert promoted.json()["role"] == "organisation_admin"
    outsider = await membership.manager()
    removed = await membership.http.delete(f"/people/{colleague_id}/role", headers=outsider)
    assert removed.status_code == 403
    removed = await membership.http.delete(f"/people/{colleague_id}/role", headers=org_admin)
    assert removed.json()["organisation_id"] is None
