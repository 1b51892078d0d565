"""An in-process membership service on a fresh database and topic namespace, per test."""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest

from cloth_shared.service import Infrastructure, create_app
from cloth_shared.settings import load_settings
from cloth_shared.testing.apps import running
from membership.bootstrap import DEFINITION
from membership.config import DEV_ADMIN_EMAIL, DEV_ADMIN_PASSWORD, MembershipSettings

MODACC = UUID("0b1c0000-0000-4000-8000-000000000001")
BFA = UUID("0b1c0000-0000-4000-8000-000000000002")
PASSWORD = "correct horse battery"


@dataclass
class Membership:
    """The running service, with helpers that create people the way the frontend does."""

    http: httpx.AsyncClient
    infra: Infrastructure
    MODACC = MODACC
    BFA = BFA

    @staticmethod
    def application(**overrides: Any) -> dict[str, Any]:
        return application(**overrides)

    async def sign_in(self, email: str, password: str = PASSWORD) -> dict[str, str]:
        answer = await self.http.post("/auth/sign-in", json={"email": email, "password": password})
        assert answer.status_code == 200, answer.text
        return {"Authorization": f"Bearer {answer.json()['access_token']}"}

    async def admin(self) -> dict[str, str]:
        return await self.sign_in(DEV_ADMIN_EMAIL, DEV_ADMIN_PASSWORD)

    async def sign_up(self, invitation_token: str | None = None, email: str | None = None) -> dict[str, str]:
        body: dict[str, Any] = {
            "email": email or f"{uuid4().hex[:8]}@example.org",
            "password": PASSWORD,
            "display_name": "Ana Puig",
            "language": "ca",
        }
        if invitation_token:
            body["invitation_token"] = invitation_token
        answer = await self.http.post("/auth/sign-up", json=body)
        assert answer.status_code == 201, answer.text
        return {"Authorization": f"Bearer {answer.json()['access_token']}"}

    async def invited(self, inviter: dict[str, str], **invitation: Any) -> dict[str, str]:
        email = f"{uuid4().hex[:8]}@example.org"
        body = {"email": email, **{k: str(v) for k, v in invitation.items()}}
        answer = await self.http.post("/invitations", json=body, headers=inviter)
        assert answer.status_code == 201, answer.text
        return await self.sign_up(answer.json()["invitation_token"], email=email)

    async def manager(self, cluster_id: UUID = MODACC) -> dict[str, str]:
        return await self.invited(await self.admin(), role="cluster_manager", cluster_id=cluster_id)

    async def refreshed(self, headers: dict[str, str]) -> dict[str, str]:
        answer = await self.http.post("/auth/refresh", headers=headers)
        assert answer.status_code == 200, answer.text
        return {"Authorization": f"Bearer {answer.json()['access_token']}"}

    async def apply(self, **profile: Any) -> tuple[UUID, dict[str, str]]:
        """A new person applies for a new organisation; returns its id and their (refreshed) token."""
        applicant = await self.sign_up()
        answer = await self.http.post("/organisations", json=self.application(**profile), headers=applicant)
        assert answer.status_code == 201, answer.text
        return UUID(answer.json()["id"]), await self.refreshed(applicant)

    async def active(self, manager: dict[str, str], **profile: Any) -> tuple[UUID, dict[str, str]]:
        organisation_id, member = await self.apply(**profile)
        answer = await self.http.post(f"/organisations/{organisation_id}/approval", headers=manager)
        assert answer.status_code == 200, answer.text
        return organisation_id, member


def application(**overrides: Any) -> dict[str, Any]:
    body = {
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
    body.update(overrides)
    return body


@pytest.fixture
async def membership(
    database_url: str, service_environment: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Membership]:
    monkeypatch.setenv("MEMBERSHIP_DATABASE_URL", database_url)
    # Cheap hashing keeps the suite fast; production uses the defaults (64 MiB, 3 passes).
    monkeypatch.setenv("MEMBERSHIP_ARGON2_TIME_COST", "1")
    monkeypatch.setenv("MEMBERSHIP_ARGON2_MEMORY_KIB", "8192")
    monkeypatch.setenv("MEMBERSHIP_OUTBOX_POLL_INTERVAL_SECONDS", "0.1")
    async with running(create_app(DEFINITION, lambda: load_settings(MembershipSettings))) as (http, infra):
        yield Membership(http, infra)
