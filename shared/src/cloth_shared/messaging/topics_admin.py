"""Creates the topics a service touches (auto-creation is off on purpose), with their settings."""

import asyncio
import contextlib
from collections.abc import Iterable, Mapping

import structlog
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from aiokafka.errors import TopicAlreadyExistsError

log = structlog.get_logger(__name__)


async def ensure_topics(
    bootstrap_servers: str,
    names: Iterable[str],
    *,
    partitions: int,
    replication: int,
    configs: Mapping[str, Mapping[str, str]] | None = None,
    timeout: float = 60,
) -> None:
    """Idempotent: creates the missing topics with their `configs`, and sets the configs of
    existing ones that declare any (a topic created before it became compacted becomes so)."""
    topics = {name: dict((configs or {}).get(name, {})) for name in names}
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, request_timeout_ms=int(timeout * 1000))
    async with asyncio.timeout(timeout):
        await admin.start()
        try:
            existing = set(await admin.list_topics())
            missing = [
                NewTopic(name, partitions, replication, topic_configs=dict(topics[name]))
                for name in sorted(topics)
                if name not in existing
            ]
            if missing:
                # Another service may have created one meanwhile.
                with contextlib.suppress(TopicAlreadyExistsError):
                    await admin.create_topics(missing)
                log.info("kafka_topics_created", topics=[topic.name for topic in missing])
            # Every topic that declares configs, created now or not: a topic missing from a
            # just-created listing (metadata still propagating) was not created by us either.
            configured = [
                ConfigResource(ConfigResourceType.TOPIC, name, configs=dict(settings))
                for name, settings in sorted(topics.items())
                if settings
            ]
            while configured:
                # A topic created a moment ago may not be known to the controller yet: the
                # answer then names it with an error, and it is asked again.
                [response] = await admin.alter_configs(configured)
                refused = {resource[3] for resource in response.resources if resource[0] != 0}
                configured = [resource for resource in configured if resource.name in refused]
                if configured:
                    await asyncio.sleep(0.2)
        finally:
            await admin.close()
