"""Every service refuses a token issued before its holder's authority changed (role change,
removal, erasure, password change, sign-out everywhere), from membership's people events
through its own inbox: real Kafka, each service with its own database."""

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from uuid import uuid4

import httpx
import pytest

from cloth_shared.service import create_app
from cloth_shared.testing.apps import running
from cloth_shared.testing.databases import throwaway_database
from cloth_shared.testing.flows import PASSWORD, Headers, MembershipFlows
from membership.config import DEV_ADMIN_EMAIL, DEV_ADMIN_PASSWORD

from .conftest import SERVICES, _membership
from .keys import SigningKey

REVOCATION_WAIT_SECONDS = 30


@dataclass
class Platform:
    membership: MembershipFlows
    other: httpx.AsyncClient
    other_path: str


@pytest.fixture(params=["notifications", "knowledge", "exchange"])
async def platform(
    request: pytest.FixtureRequest,
    infra,  # type: ignore[no-untyped-def]
    service_environment: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    signing_key: SigningKey,
) -> AsyncIterator[Platform]:
    """Membership and another service side by side on one Kafka, trusting membership's key."""
    name, prefix = request.param, request.param.upper()
    async with (
        throwaway_database(infra.database_admin_url, "revmembership") as membership_db,
        throwaway_database(infra.database_admin_url, f"rev{name}") as other_db,
    ):
        monkeypatch.setenv("MEMBERSHIP_DATABASE_URL", membership_db)
        monkeypatch.setenv("MEMBERSHIP_SIGNING_KEY_PEM", signing_key.private_key_pem)
        monkeypatch.setenv("MEMBERSHIP_ARGON2_TIME_COST", "1")
        monkeypatch.setenv("MEMBERSHIP_ARGON2_MEMORY_KIB", "8192")
        monkeypatch.setenv(f"{prefix}_DATABASE_URL", other_db)
        monkeypatch.setenv(f"{prefix}_AUTH_PUBLIC_KEY_PEM", signing_key.public_key_pem)
        membership_definition, membership_settings, _ = _membership()
        definition, settings, path = SERVICES[name]()
        async with (
            running(create_app(membership_definition, membership_settings)) as (membership_http, _),
            running(create_app(definition, settings)) as (other_http, _),
        ):
            flows = MembershipFlows(membership_http, DEV_ADMIN_EMAIL, DEV_ADMIN_PASSWORD)
            yield Platform(flows, other_http, path)


async def refused_in_time(platform: Platform, headers: Headers) -> bool:
    """Whether the other service comes to refuse the token (401) once the event reaches it."""
    deadline = time.monotonic() + REVOCATION_WAIT_SECONDS
    while time.monotonic() < deadline:
        answer = await platform.other.get(platform.other_path, headers=headers)
        if answer.status_code == 401:
            assert answer.headers["www-authenticate"] == 'Bearer error="invalid_token"'
            return True
        await asyncio.sleep(0.2)
    return False


async def accepted(platform: Platform, headers: Headers) -> bool:
    return (await platform.other.get(platform.other_path, headers=headers)).status_code != 401


async def two_admins(platform: Platform) -> tuple[Headers, Headers, str, str]:
    m = platform.membership
    organisation_id, first = await m.active()
    second = await m.invited(first, role="organisation_admin", organisation_id=organisation_id)
    first_id = (await m.http.get("/people/me", headers=first)).json()["id"]
    return first, second, first_id, str(organisation_id)


Change = Callable[[Platform, Headers, Headers, str, str], Awaitable[httpx.Response]]


async def demote(p: Platform, first: Headers, second: Headers, first_id: str, org: str) -> httpx.Response:
    body = {"role": "organisation_member", "organisation_id": org}
    return await p.membership.http.put(f"/people/{first_id}/role", json=body, headers=second)


async def remove(p: Platform, first: Headers, second: Headers, first_id: str, org: str) -> httpx.Response:
    return await p.membership.http.delete(f"/people/{first_id}/role", headers=second)


async def erase(p: Platform, first: Headers, second: Headers, first_id: str, org: str) -> httpx.Response:
    return await p.membership.http.delete("/people/me", headers=first)


async def change_password(
    p: Platform, first: Headers, second: Headers, first_id: str, org: str
) -> httpx.Response:
    body = {"current_password": PASSWORD, "new_password": f"another passphrase {uuid4().hex[:6]}"}
    return await p.membership.http.put("/people/me/password", json=body, headers=first)


async def sign_out_everywhere(
    p: Platform, first: Headers, second: Headers, first_id: str, org: str
) -> httpx.Response:
    return await p.membership.http.post("/auth/sign-out-everywhere", headers=first)


@pytest.mark.parametrize("change", [demote, remove, erase, change_password, sign_out_everywhere])
async def test_a_token_from_before_a_change_of_authority_is_refused_by_every_service(
    platform: Platform, change: Change
) -> None:
    first, second, first_id, organisation_id = await two_admins(platform)
    assert await accepted(platform, first)

    answer = await change(platform, first, second, first_id, organisation_id)
    assert answer.status_code in (200, 204), answer.text

    assert await refused_in_time(platform, first)
    assert await accepted(platform, second)  # the colleague's token is untouched
