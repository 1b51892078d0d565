"""Every service starts on real infrastructure: migrations applied, topics created, ready, documented."""

import importlib

import pytest
from aiokafka.admin import AIOKafkaAdminClient

from cloth_shared.contracts.topics import dead_letter_topic
from cloth_shared.service import ServiceDefinition, create_app
from cloth_shared.settings import ServiceSettings, load_settings
from cloth_shared.testing.apps import running
from cloth_shared.testing.tokens import TestTokens

pytestmark = pytest.mark.integration

SERVICES = ["membership", "exchange", "knowledge", "notifications"]
TOKENS = TestTokens()


def configure(name: str, database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(f"{name.upper()}_DATABASE_URL", database_url)
    if name != "membership":  # the others verify membership's tokens with its public key
        monkeypatch.setenv(f"{name.upper()}_AUTH_PUBLIC_KEY_PEM", TOKENS.public_key_pem)


def definition_and_settings(name: str) -> tuple[ServiceDefinition, type[ServiceSettings]]:
    bootstrap = importlib.import_module(f"{name}.bootstrap")
    config = importlib.import_module(f"{name}.config")
    settings_class = next(
        value
        for value in vars(config).values()
        if isinstance(value, type) and issubclass(value, ServiceSettings) and value is not ServiceSettings
    )
    return bootstrap.DEFINITION, settings_class


@pytest.mark.parametrize("name", SERVICES)
async def test_the_service_starts_ready_with_its_schema_and_topics(
    name: str, database_url: str, service_environment: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(name, database_url, monkeypatch)
    definition, settings_class = definition_and_settings(name)
    app = create_app(definition, lambda: load_settings(settings_class))
    async with running(app) as (client, infra):
        ready = await client.get("/health/ready")
        assert ready.status_code == 200, ready.text
        assert ready.json()["checks"]["database"] is True
        assert (await client.get("/health/live")).json() == {"status": "ok"}
        assert (await client.get("/openapi.json")).json()["info"]["title"] == definition.title
        assert await infra.pool.fetchval("SELECT to_regclass('outbox') IS NOT NULL")
        assert await infra.pool.fetchval("SELECT to_regclass('processed_events') IS NOT NULL")

    admin = AIOKafkaAdminClient(bootstrap_servers=service_environment["KAFKA_BOOTSTRAP_SERVERS"])
    await admin.start()
    try:
        existing = set(await admin.list_topics())
    finally:
        await admin.close()
    prefix = service_environment["KAFKA_TOPIC_PREFIX"]
    wanted = {*definition.produces, *definition.consumes, *map(dead_letter_topic, definition.consumes)}
    assert {prefix + topic for topic in wanted} <= existing


@pytest.mark.parametrize("name", ["membership", "notifications"])
async def test_a_bad_request_gets_a_problem_document_naming_the_field(
    name: str, database_url: str, service_environment: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(name, database_url, monkeypatch)
    definition, settings_class = definition_and_settings(name)
    async with running(create_app(definition, lambda: load_settings(settings_class))) as (client, _):
        # Callers allowed to ask, so the answer is about the input, not about who asks.
        path = "/inbox?limit=0" if name == "notifications" else "/directory?limit=0"
        response = await client.get(path, headers=TOKENS.admin())
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "validation-failed"
    assert response.json()["errors"][0]["field"]
