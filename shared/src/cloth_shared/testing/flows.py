"""The platform's flows over HTTP, as the web frontend performs them, for every test tier.

Membership's integration tests (in-process app) and the end-to-end tests (services as OS
processes) drive the same steps through this one module, so a change to how membership is
called is made once.

Authentication: membership creates a platform administrator on its first sign-in from its
bootstrap settings (outside production the development values below), who invites cluster
managers; applicants sign up, apply, and their cluster's manager approves.
"""

import os
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID, uuid4

import httpx

from cloth_shared.testing.examples import MODACC

BFA = UUID("0b1c0000-0000-4000-8000-000000000002")
ADMIN_EMAIL = os.environ.get("CLOTH_E2E_ADMIN_EMAIL", "admin@cloth.local")
ADMIN_PASSWORD = os.environ.get("CLOTH_E2E_ADMIN_PASSWORD", "dev-only-admin-password")
PASSWORD = "correct horse battery"  # noqa: S105 (test accounts only)

Headers = dict[str, str]


def application(**overrides: Any) -> dict[str, Any]:
    """A complete membership application of an SME in Igualada; override any field."""
    body: dict[str, Any] = {
        "legal_name": "Teixits Igualada SL",
        "category": "sme",
        "cluster_id": str(MODACC),
        "country": "ES",
        "registration_number": f"ES-{uuid4().hex[:10]}",
        "region": "ES511",
        "city": "Igualada",
        "latitude": 41.58,
        "longitude": 1.62,
        "value_chains": ["fashion_textile", "circular_economy"],
        "size_band": "small",
        "activities": ["knitwear"],
        "certifications": ["GOTS"],
        "languages": ["ca", "es"],
        "website": "https://teixits.example",
        "description": "Knitted fabrics from recycled yarn.",
    }
    body.update({k: str(v) if isinstance(v, UUID) else v for k, v in overrides.items()})
    return body


def _bearer(answer: httpx.Response) -> Headers:
    assert answer.status_code in (200, 201), answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


@dataclass
class MembershipFlows:
    """Steps against a membership API: `http` is a client on the running service."""

    http: httpx.AsyncClient
    admin_email: str = ADMIN_EMAIL
    admin_password: str = ADMIN_PASSWORD
    # The refresh token that came with each access token, as a browser keeps it beside it.
    refresh_tokens: dict[str, str] = field(default_factory=dict)

    def _signed_in(self, answer: httpx.Response) -> Headers:
        headers = _bearer(answer)
        if refresh_token := answer.json().get("refresh_token"):
            self.refresh_tokens[headers["Authorization"]] = refresh_token
        return headers

    async def sign_in(self, email: str, password: str = PASSWORD) -> Headers:
        answer = await self.http.post("/auth/sign-in", json={"email": email, "password": password})
        return self._signed_in(answer)

    async def admin(self) -> Headers:
        return await self.sign_in(self.admin_email, self.admin_password)

    async def sign_up(self, invitation_token: str | None = None, email: str | None = None) -> Headers:
        """Sign up, then sign in: sign-up answers the same for every address and issues no token
        (signing in works before the address is verified)."""
        email = email or f"{uuid4().hex[:8]}@example.org"
        body: dict[str, Any] = {
            "email": email,
            "password": PASSWORD,
            "display_name": "Ana Puig",
            "language": "ca",
        }
        if invitation_token:
            body["invitation_token"] = invitation_token
        answer = await self.http.post("/auth/sign-up", json=body)
        assert answer.status_code == 202, answer.text
        return await self.sign_in(email)

    async def invited(self, inviter: Headers, **invitation: Any) -> Headers:
        email = f"{uuid4().hex[:8]}@example.org"
        body = {"email": email, **{k: str(v) for k, v in invitation.items()}}
        answer = await self.http.post("/invitations", json=body, headers=inviter)
        assert answer.status_code == 201, answer.text
        return await self.sign_up(answer.json()["invitation_token"], email=email)

    async def manager(self, cluster_id: UUID = MODACC) -> Headers:
        """The administrator invites a manager for the cluster, who signs up with the invitation."""
        return await self.invited(await self.admin(), role="cluster_manager", cluster_id=cluster_id)

    async def refresh(self, headers: Headers) -> httpx.Response:
        """Exchange the refresh token that came with these headers (it works once)."""
        body = {"refresh_token": self.refresh_tokens[headers["Authorization"]]}
        return await self.http.post("/auth/refresh", json=body)

    async def refreshed(self, headers: Headers) -> Headers:
        """New headers with the person's current roles, from the session's refresh token."""
        return self._signed_in(await self.refresh(headers))

    async def apply(self, **profile: Any) -> tuple[UUID, Headers]:
        """A new person applies for a new organisation; returns its id and their refreshed token."""
        applicant = await self.sign_up()
        answer = await self.http.post("/organisations", json=application(**profile), headers=applicant)
        assert answer.status_code == 201, answer.text
        return UUID(answer.json()["id"]), await self.refreshed(applicant)

    async def active(self, manager: Headers | None = None, **profile: Any) -> tuple[UUID, Headers]:
        """An organisation applies and its cluster's manager approves; its id and its admin's token."""
        cluster_id = UUID(str(profile.get("cluster_id", MODACC)))
        manager = manager or await self.manager(cluster_id)
        organisation_id, member = await self.apply(**profile)
        answer = await self.http.post(f"/organisations/{organisation_id}/approval", headers=manager)
        assert answer.status_code == 200, answer.text
        return organisation_id, await self.refreshed(member)  # now carrying the admin role
