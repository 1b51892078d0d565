"""Deleting the topics a test created, so a long suite does not exhaust the broker.

Every integration test works in its own topic namespace (`test-<hex>.`), each topic with its
partitions and dead-letter topic; a broker keeps several open files per partition, and a suite of
a few hundred such tests on one broker reached its open-file limit. Topics are deleted after the
test that created them.

Only topics of a namespace made by this process are deleted: two test runs may share a broker
(several worktrees, or CI beside a developer), and one run must not delete the other's topics.
"""

import contextlib
from uuid import uuid4

from aiokafka.admin import AIOKafkaAdminClient

TEST_TOPIC_PREFIX = "test-"
_NAMESPACES_OF_THIS_PROCESS: set[str] = set()


def new_topic_namespace() -> str:
    """A fresh `test-<hex>.` prefix, remembered so this process's cleanup may delete its topics."""
    namespace = f"{TEST_TOPIC_PREFIX}{uuid4().hex[:10]}."
    _NAMESPACES_OF_THIS_PROCESS.add(namespace)
    return namespace


def made_by_this_process(topics: set[str]) -> set[str]:
    return {topic for topic in topics if topic.startswith(tuple(_NAMESPACES_OF_THIS_PROCESS))}


async def existing_test_topics(bootstrap_servers: str) -> set[str]:
    return await existing_topics(bootstrap_servers, TEST_TOPIC_PREFIX)


async def existing_topics(bootstrap_servers: str, prefix: str) -> set[str]:
    """The broker's topics whose names start with `prefix`."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, request_timeout_ms=10_000)
    await admin.start()
    try:
        return {topic for topic in await admin.list_topics() if topic.startswith(prefix)}
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
