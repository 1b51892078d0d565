"""A token speaks for its holder as they are now: demotion, removal and erasure take effect at once."""

from uuid import uuid4

from cloth_shared.testing.examples import MODACC


async def an_organisation_with_two_admins(membership):
    """An active organisation, its first admin's token, and a second admin's token."""
    organisation_id, first = await membership.active()
    second = await membership.invited(first, role="organisation_admin", organisation_id=organisation_id)
    return organisation_id, first, second


async def whoami(membership, headers):
    return (await membership.http.get("/people/me", headers=headers)).json()["id"]


async def test_a_demoted_admins_old_token_cannot_promote_them_back_or_demote_the_other(membership):
    organisation_id, first, second = await an_organisation_with_two_admins(membership)
    first_id, second_id = await whoami(membership, first), await whoami(membership, second)
    demote = {"role": "organisation_member", "organisation_id": str(organisation_id)}
    answer = await membership.http.put(f"/people/{first_id}/role", json=demote, headers=second)
    assert answer.status_code == 200, answer.text

    promote = {"role": "organisation_admin", "organisation_id": str(organisation_id)}
    assert (
        await membership.http.put(f"/people/{first_id}/role", json=promote, headers=first)
    ).status_code == 403
    assert (
        await membership.http.put(f"/people/{second_id}/role", json=demote, headers=first)
    ).status_code == 403


async def test_a_removed_admins_old_token_cannot_invite_or_remove_anyone(membership):
    organisation_id, first, second = await an_organisation_with_two_admins(membership)
    first_id, second_id = await whoami(membership, first), await whoami(membership, second)
    assert (await membership.http.delete(f"/people/{first_id}/role", headers=second)).status_code == 200

    invitation = {"email": f"{uuid4().hex[:8]}@example.org", "role": "organisation_admin"}
    invitation["organisation_id"] = str(organisation_id)
    assert (await membership.http.post("/invitations", json=invitation, headers=first)).status_code == 403
    assert (await membership.http.delete(f"/people/{second_id}/role", headers=first)).status_code == 403


async def test_an_erased_persons_token_is_refused_as_an_invalid_token(membership):
    organisation_id, first, _ = await an_organisation_with_two_admins(membership)
    assert (await membership.http.delete("/people/me", headers=first)).status_code == 204

    answer = await membership.http.patch(
        f"/organisations/{organisation_id}", json={"city": "Terrassa"}, headers=first
    )
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == 'Bearer error="invalid_token"'


async def test_the_last_admin_cannot_leave_an_organisation_without_an_admin_over_http(membership):
    organisation_id, admin = await membership.active()
    admin_id = await whoami(membership, admin)
    demote = {"role": "organisation_member", "organisation_id": str(organisation_id)}
    answer = await membership.http.put(f"/people/{admin_id}/role", json=demote, headers=admin)
    assert (answer.status_code, answer.json()["code"]) == (409, "last-organisation-admin")
    answer = await membership.http.delete("/people/me", headers=admin)
    assert (answer.status_code, answer.json()["code"]) == (409, "last-organisation-admin")


async def test_the_only_platform_administrator_keeps_the_role(membership):
    admin = await membership.admin()
    admin_id = await whoami(membership, admin)
    answer = await membership.http.delete(f"/people/{admin_id}/role", headers=admin)
    assert (answer.status_code, answer.json()["code"]) == (409, "last-platform-admin")


async def test_nobody_can_sign_up_with_the_bootstrap_administrators_address_before_the_operator(membership):
    body = {
        "email": membership.admin_email.upper(),
        "password": "a long enough password",
        "display_name": "M",
    }
    answer = await membership.http.post("/auth/sign-up", json=body)
    assert (answer.status_code, answer.json()["code"]) == (409, "email-reserved")
    assert (await membership.http.get("/people/me", headers=await membership.admin())).status_code == 200


async def test_an_administrators_role_change_naming_an_unknown_organisation_or_cluster_is_a_404(membership):
    admin, person = await membership.admin(), await membership.sign_up()
    person_id = await whoami(membership, person)
    for body in (
        {"role": "organisation_admin", "organisation_id": str(uuid4())},
        {"role": "cluster_manager", "cluster_id": str(uuid4())},
    ):
        answer = await membership.http.put(f"/people/{person_id}/role", json=body, headers=admin)
        assert answer.status_code == 404, answer.text
    known = {"role": "cluster_manager", "cluster_id": str(MODACC)}
    assert (
        await membership.http.put(f"/people/{person_id}/role", json=known, headers=admin)
    ).status_code == 200
