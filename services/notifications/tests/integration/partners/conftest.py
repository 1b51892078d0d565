"""The notifications service in-process on a fresh database and topics, for partner-facing tests."""

from collections.abc import AsyncIterator

import httpx
import pytest

from cloth_shared.service import Infrastructure, create_app
from cloth_shared.settings import load_settings
from cloth_shared.testing.apps import running
from cloth_shared.testing.tokens import TestTokens
from notifications.bootstrap import DEFINITION
from notifications.config import NotificationsSettings


@pytest.fixture
def tokens() -> TestTokens:
    return TestTokens()


@pytest.fixture
async def service(
    database_url: str,
    service_environment: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    tokens: TestTokens,
) -> AsyncIterator[tuple[httpx.AsyncClient, Infrastructure]]:
    monkeypatch.setenv("NOTIFICATIONS_DATABASE_URL", database_url)
    monkeypatch.setenv("NOTIFICATIONS_AUTH_PUBLIC_KEY_PEM", tokens.public_key_pem)
    # The test receiver listens on loopback, which production refuses (see domain/webhooks.py).
    monkeypatch.setenv("NOTIFICATIONS_WEBHOOK_ALLOW_LOOPBACK", "true")
    monkeypatch.setenv("NOTIFICATIONS_WEBHOOK_REQUIRE_HTTPS", "false")
    monkeypatch.setenv("NOTIFICATIONS_WEBHOOK_DISPATCH_INTERVAL_SECONDS", "0.05")
    # Three attempts, a twentieth of a second apart: the production schedule is about a day.
    monkeypatch.setenv("NOTIFICATIONS_WEBHOOK_RETRY_SCHEDULE_SECONDS", "[0.05, 0.05]")
    app = create_app(DEFINITION, lambda: load_settings(NotificationsSettings))
    async with running(app) as (client, infra):
        yield client, infra


@pytest.fixture
def http(service: tuple[httpx.AsyncClient, Infrastructure]) -> httpx.AsyncClient:
    return service[0]
