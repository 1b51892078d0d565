"""Steps of the platform's flows as the web frontend performs them, over HTTP.

Kept in one place so the end-to-end tests read as stories, and so a change to how the
membership API is called (e.g. authentication) is made once.
"""

from uuid import UUID, uuid4

import httpx

MODACC = UUID("0b1c0000-0000-4000-8000-000000000001")


async def apply_and_approve_sme(
    membership: httpx.AsyncClient, *, legal_name: str, cluster_id: UUID = MODACC
) -> UUID:
    """An SME applies to its cluster and the cluster approves it; returns the organisation id."""
    applied = await membership.post(
        "/organisations",
        json={
            "legal_name": legal_name,
            "category": "sme",
            "cluster_id": str(cluster_id),
            "country": "ES",
            "registration_number": f"ES-{uuid4().hex[:12]}",
        },
    )
    assert applied.status_code == 201, applied.text
    organisation_id = UUID(applied.json()["id"])
    approved = await membership.post(f"/organisations/{organisation_id}/approval")
    assert approved.status_code == 200, approved.text
    return organisation_id
