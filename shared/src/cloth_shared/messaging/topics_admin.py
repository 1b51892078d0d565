"""Creates the topics a service touches (auto-creation is off on purpose)."""

import asyncio
import contextlib
from collections.abc import Iterable

import structlog
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

log = structlog.get_logger(__name__)


async def ensure_topics(
    bootstrap_servers: str, names: Iterable[str], *, partitions: int, replication: int, timeout: float = 60
) -> None:
    """Idempotent: creates the missing ones, leaves existing topics as they are."""
    wanted = sorted(set(names))
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, request_timeout_ms=int(timeout * 1000))
    async with asyncio.timeout(timeout):
        await admin.start()
        try:
            existing = set(await admin.list_topics())
            missing = [NewTopic(name, partitions, replication) for name in wanted if name not in existing]
            if missing:
                # Another service may have created one meanwhile.
                with contextlib.suppress(TopicAlreadyExistsError):
                    await admin.create_topics(missing)
                log.info("kafka_topics_created", topics=[topic.name for topic in missing])
        finally:
            await admin.close()
