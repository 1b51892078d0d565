"""Steps of the platform's flows as the web frontend performs them, over HTTP.

Kept in one place so the end-to-end tests read as stories, and so a change to how the
membership API is called (e.g. authentication) is made once.

Authentication: membership creates a platform administrator on its first sign-in from its
bootstrap settings (MEMBERSHIP_BOOTSTRAP_ADMIN_EMAIL / _PASSWORD; outside production they
default to the development values below). The administrator invites a cluster manager, the
applicant signs up, applies, and the manager approves. Override the credentials with
CLOTH_E2E_ADMIN_EMAIL / CLOTH_E2E_ADMIN_PASSWORD when membership runs with other ones.
"""

import os
from uuid import UUID, uuid4

import httpx

MODACC = UUID("0b1c0000-0000-4000-8000-000000000001")
ADMIN_EMAIL = os.environ.get("CLOTH_E2E_ADMIN_EMAIL", "admin@cloth.local")
ADMIN_PASSWORD = os.environ.get("CLOTH_E2E_ADMIN_PASSWORD", "dev-only-admin-password")
PASSWORD = "e2e password, long enough"


def _bearer(answer: httpx.Response) -> dict[str, str]:
    assert answer.status_code in (200, 201), answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def sign_in_admin(membership: httpx.AsyncClient) -> dict[str, str]:
    answer = await membership.post("/auth/sign-in", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
    return _bearer(answer)


async def sign_up(
    membership: httpx.AsyncClient, *, invitation_token: str | None = None, email: str | None = None
) -> dict[str, str]:
    body = {
        "email": email or f"{uuid4().hex[:12]}@e2e.example",
        "password": PASSWORD,
        "display_name": "E2E person",
        "language": "en",
    }
    if invitation_token:
        body["invitation_token"] = invitation_token
    return _bearer(await membership.post("/auth/sign-up", json=body))


async def cluster_manager(membership: httpx.AsyncClient, cluster_id: UUID) -> dict[str, str]:
    """The administrator invites a manager for the cluster, who signs up with the invitation."""
    email = f"manager-{uuid4().hex[:12]}@e2e.example"
    invited = await membership.post(
        "/invitations",
        json={"email": email, "role": "cluster_manager", "cluster_id": str(cluster_id)},
        headers=await sign_in_admin(membership),
    )
    assert invited.status_code == 201, invited.text
    return await sign_up(membership, invitation_token=invited.json()["invitation_token"], email=email)


async def apply_and_approve_sme(
    membership: httpx.AsyncClient, *, legal_name: str, cluster_id: UUID = MODACC
) -> UUID:
    """An SME applies to its cluster and the cluster approves it; returns the organisation id."""
    organisation_id, _ = await approved_sme_and_its_admin(
        membership, legal_name=legal_name, cluster_id=cluster_id
    )
    return organisation_id


async def approved_sme_and_its_admin(
    membership: httpx.AsyncClient, *, legal_name: str, cluster_id: UUID = MODACC
) -> tuple[UUID, dict[str, str]]:
    """As apply_and_approve_sme, also returning the applicant's token, refreshed to carry the role."""
    applicant = await sign_up(membership)
    applied = await membership.post(
        "/organisations",
        json={
            "legal_name": legal_name,
            "category": "sme",
            "cluster_id": str(cluster_id),
            "country": "ES",
            "registration_number": f"ES-{uuid4().hex[:12]}",
        },
        headers=applicant,
    )
    assert applied.status_code == 201, applied.text
    organisation_id = UUID(applied.json()["id"])
    manager = await cluster_manager(membership, cluster_id)
    approved = await membership.post(f"/organisations/{organisation_id}/approval", headers=manager)
    assert approved.status_code == 200, approved.text
    return organisation_id, _bearer(await membership.post("/auth/refresh", headers=applicant))
