"""Deleting the topics a test created, so a long suite does not exhaust the broker.

Every integration test works in its own topic namespace (`test-<hex>.`), each topic with its
partitions and dead-letter topic; a broker keeps several open files per partition, and a suite of
a few hundred such tests on one broker reached its open-file limit. Topics are deleted after the
test that created them.
"""

import contextlib

from aiokafka.admin import AIOKafkaAdminClient

TEST_TOPIC_PREFIX = "test-"


async def existing_test_topics(bootstrap_servers: str) -> set[str]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, request_timeout_ms=10_000)
    await admin.start()
    try:
        return {topic for topic in await admin.list_topics() if topic.startswith(TEST_TOPIC_PREFIX)}
    finally:
        await admin.close()


async def delete_topics(bootstrap_servers: str, topics: set[str]) -> None:
    """Best effort: a topic that is already gone, or a broker that a test stopped, is no failure."""
    if not topics:
        return
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, request_timeout_ms=10_000)
    with contextlib.suppress(Exception):
        await admin.start()
        try:
            await admin.delete_topics(sorted(topics))
        finally:
            await admin.close()


async def delete_namespace(bootstrap_servers: str, prefix: str) -> None:
    """Every topic under `prefix`: for tests whose namespace is not a `test-` one."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, request_timeout_ms=10_000)
    await admin.start()
    try:
        ours = {topic for topic in await admin.list_topics() if topic.startswith(prefix)}
    finally:
        await admin.close()
    await delete_topics(bootstrap_servers, ours)
