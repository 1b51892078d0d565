"""Sign-in an attacker cannot turn against the owner, and passwords that are not guessable."""

from collections.abc import AsyncIterator
from uuid import uuid4

import pytest

from cloth_shared.service import create_app
from cloth_shared.testing.apps import running
from cloth_shared.testing.flows import PASSWORD, MembershipFlows
from membership.config import DEV_ADMIN_EMAIL, DEV_ADMIN_PASSWORD

from .conftest import _membership
from .keys import SigningKey

ATTACKER, OWNER = "203.0.113.66", "198.51.100.7"


@pytest.fixture
async def behind_a_proxy(
    database_url: str,
    service_environment: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    signing_key: SigningKey,
) -> AsyncIterator[MembershipFlows]:
    """Membership trusting the proxy in front of it (the test client's address)."""
    monkeypatch.setenv("MEMBERSHIP_TRUSTED_PROXIES", '["127.0.0.1"]')
    monkeypatch.setenv("MEMBERSHIP_DATABASE_URL", database_url)
    monkeypatch.setenv("MEMBERSHIP_ARGON2_TIME_COST", "1")
    monkeypatch.setenv("MEMBERSHIP_ARGON2_MEMORY_KIB", "8192")
    definition, settings, _ = _membership()
    async with running(create_app(definition, settings)) as (http, _):
        yield MembershipFlows(http, DEV_ADMIN_EMAIL, DEV_ADMIN_PASSWORD)


async def sign_in_from(flows: MembershipFlows, address: str, email: str, password: str):  # type: ignore[no-untyped-def]
    body = {"email": email, "password": password}
    return await flows.http.post(
        "/auth/sign-in", json=body, headers={"X-Forwarded-For": f"10.9.9.9, {address}"}
    )


async def test_wrong_passwords_from_an_attacker_do_not_lock_the_owner_out(behind_a_proxy):
    email = f"{uuid4().hex[:10]}@example.org"
    await behind_a_proxy.sign_up(email=email)
    for _ in range(5):
        assert (await sign_in_from(behind_a_proxy, ATTACKER, email, "a wrong guess")).status_code == 401

    refused = await sign_in_from(behind_a_proxy, ATTACKER, email, PASSWORD)
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) > 0
    assert (await sign_in_from(behind_a_proxy, OWNER, email, PASSWORD)).status_code == 200


async def test_x_forwarded_for_is_not_believed_from_an_untrusted_peer(membership):
    email = f"{uuid4().hex[:10]}@example.org"
    await membership.sign_up(email=email)
    for _ in range(5):
        assert (await sign_in_from(membership, ATTACKER, email, "a wrong guess")).status_code == 401
    # A forged header does not give the same peer a fresh allowance.
    assert (await sign_in_from(membership, OWNER, email, PASSWORD)).status_code == 429


async def test_client_token_guesses_are_limited(membership):
    body = {"client_id": str(uuid4()), "client_secret": "a guessed secret"}
    answers = [(await membership.http.post("/auth/client-token", json=body)).status_code for _ in range(6)]
    assert answers == [401] * 5 + [429]


@pytest.mark.parametrize(
    "password",
    [" " * 12, "\x00" * 12, "1234567890", "123456789012", "qwertyuiopasdf", "passwordpassword", "{email}"],
)
async def test_weak_passwords_are_refused_at_sign_up(membership, password):
    email = f"{uuid4().hex[:10]}@example.org"
    body = {"email": email, "password": password.format(email=email), "display_name": "Ana Puig"}
    answer = await membership.http.post("/auth/sign-up", json=body)
    assert answer.status_code == 422, answer.text
