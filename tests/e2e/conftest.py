"""Fixtures that run the platform's services as OS processes against real infrastructure."""

from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack
from pathlib import Path

import pytest

from cloth_shared.testing.databases import throwaway_database
from cloth_shared.testing.infrastructure import TestInfrastructure

from .processes import PrivateKafka, ServiceProcess, free_port, start_service

pytestmark = pytest.mark.e2e


class Platform:
    """Starts services on fresh databases, all pointed at one broker and one topic namespace."""

    def __init__(self, infra: TestInfrastructure, kafka: str, topic_prefix: str, log_dir: Path) -> None:
        self._infra = infra
        self.kafka = kafka
        self.topic_prefix = topic_prefix
        self._log_dir = log_dir
        self._stack = AsyncExitStack()
        self.services: dict[str, ServiceProcess] = {}
        self.database_urls: dict[str, str] = {}

    async def start(self, *names: str, **extra_env: str) -> None:
        for name in names:
            url = await self._stack.enter_async_context(
                throwaway_database(self._infra.database_admin_url, name)
            )
            self.database_urls[name] = url
            env = {
                **self._token_verification(),
                f"{name.upper()}_DATABASE_URL": url,
                "KAFKA_BOOTSTRAP_SERVERS": self.kafka,
                "KAFKA_TOPIC_PREFIX": self.topic_prefix,
                "CLOTH_ENV": "test",
                **extra_env,
            }
            service = await start_service(name, env, self._log_dir)
            self._stack.callback(service.stop)
            self.services[name] = service

    def _token_verification(self) -> dict[str, str]:
        """Services that verify tokens trust the running membership's JWKS."""
        membership = self.services.get("membership")
        if membership is None:
            return {}
        jwks = f"{membership.url}/.well-known/jwks.json"
        return {f"{name.upper()}_AUTH_JWKS_URL": jwks for name in ("exchange", "knowledge", "notifications")}

    async def close(self) -> None:
        await self._stack.aclose()


@pytest.fixture
async def platform(infra: TestInfrastructure, topic_prefix: str, tmp_path: Path) -> AsyncIterator[Platform]:
    running = Platform(infra, infra.kafka_bootstrap_servers, topic_prefix, tmp_path)
    yield running
    await running.close()


@pytest.fixture
def private_kafka(tmp_path: Path) -> Iterator[PrivateKafka]:
    broker = PrivateKafka(tmp_path / "kafka", free_port(), free_port())
    broker.start()
    yield broker
    broker.stop()
