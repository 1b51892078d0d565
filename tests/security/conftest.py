"""Each service in-process on real PostgreSQL and Kafka, all trusting one test signing key."""

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import httpx
import pytest

from cloth_shared.service import ServiceDefinition, create_app
from cloth_shared.settings import ServiceSettings, load_settings
from cloth_shared.testing.apps import running
from cloth_shared.testing.flows import MembershipFlows
from membership.config import DEV_ADMIN_EMAIL, DEV_ADMIN_PASSWORD

from .keys import SigningKey


@dataclass(frozen=True)
class Running:
    name: str
    http: httpx.AsyncClient
    protected_path: str  # a route that needs a signed-in caller


@pytest.fixture(scope="session")
def signing_key() -> SigningKey:
    return SigningKey()


def _membership() -> tuple[ServiceDefinition, Callable[[], ServiceSettings], str]:
    from membership.bootstrap import DEFINITION
    from membership.config import MembershipSettings

    return DEFINITION, lambda: load_settings(MembershipSettings), "/people/me"


def _notifications() -> tuple[ServiceDefinition, Callable[[], ServiceSettings], str]:
    from notifications.bootstrap import DEFINITION
    from notifications.config import NotificationsSettings

    return DEFINITION, lambda: load_settings(NotificationsSettings), "/inbox"


def _knowledge() -> tuple[ServiceDefinition, Callable[[], ServiceSettings], str]:
    from knowledge.bootstrap import DEFINITION
    from knowledge.config import KnowledgeSettings

    return DEFINITION, lambda: load_settings(KnowledgeSettings), "/people/me"


def _exchange() -> tuple[ServiceDefinition, Callable[[], ServiceSettings], str]:
    from exchange.bootstrap import DEFINITION
    from exchange.config import ExchangeSettings

    return DEFINITION, lambda: load_settings(ExchangeSettings), "/exchanges"


SERVICES = {
    "membership": _membership,
    "notifications": _notifications,
    "knowledge": _knowledge,
    "exchange": _exchange,
}


@pytest.fixture(params=sorted(SERVICES))
async def service(
    request: pytest.FixtureRequest,
    database_url: str,
    service_environment: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    signing_key: SigningKey,
) -> AsyncIterator[Running]:
    """Each service in turn (the test runs once per service)."""
    name = request.param
    prefix = name.upper()
    monkeypatch.setenv(f"{prefix}_DATABASE_URL", database_url)
    monkeypatch.setenv(f"{prefix}_AUTH_PUBLIC_KEY_PEM", signing_key.public_key_pem)
    monkeypatch.setenv("MEMBERSHIP_SIGNING_KEY_PEM", signing_key.private_key_pem)
    monkeypatch.setenv("MEMBERSHIP_ARGON2_TIME_COST", "1")
    monkeypatch.setenv("MEMBERSHIP_ARGON2_MEMORY_KIB", "8192")
    definition, settings, protected_path = SERVICES[name]()
    async with running(create_app(definition, settings)) as (http, _):
        if name == "membership":
            signing_key.kid = (await http.get("/.well-known/jwks.json")).json()["keys"][0]["kid"]
        yield Running(name, http, protected_path)


@pytest.fixture
async def membership(
    database_url: str,
    service_environment: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    signing_key: SigningKey,
) -> AsyncIterator[MembershipFlows]:
    """Membership alone, driven through the shared HTTP flows."""
    monkeypatch.setenv("MEMBERSHIP_DATABASE_URL", database_url)
    monkeypatch.setenv("MEMBERSHIP_SIGNING_KEY_PEM", signing_key.private_key_pem)
    monkeypatch.setenv("MEMBERSHIP_ARGON2_TIME_COST", "1")
    monkeypatch.setenv("MEMBERSHIP_ARGON2_MEMORY_KIB", "8192")
    definition, settings, _ = _membership()
    async with running(create_app(definition, settings)) as (http, _):
        signing_key.kid = (await http.get("/.well-known/jwks.json")).json()["keys"][0]["kid"]
        yield MembershipFlows(http, DEV_ADMIN_EMAIL, DEV_ADMIN_PASSWORD)
