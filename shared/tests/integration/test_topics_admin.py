"""Topics are created with their settings: state-carrying topics keep each key's latest event."""

import asyncio

import pytest
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from cloth_shared.contracts import topics
from cloth_shared.messaging.topics_admin import ensure_topics

pytestmark = pytest.mark.integration


async def cleanup_policy(bootstrap_servers: str, topic: str) -> str:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers)
    await admin.start()
    try:
        [response] = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic)])
    finally:
        await admin.close()
    [(_, _, _, _, entries)] = response.resources
    return next(entry[1] for entry in entries if entry[0] == "cleanup.policy")


async def eventual_cleanup_policy(bootstrap_servers: str, topic: str, wanted: str = "compact") -> str:
    """The policy once the broker applied the change (KRaft propagates configs asynchronously)."""
    for _ in range(50):
        if (policy := await cleanup_policy(bootstrap_servers, topic)) == wanted:
            break
        await asyncio.sleep(0.2)
    return policy


def test_the_membership_topics_are_compacted_and_the_others_are_not() -> None:
    assert topics.topic_config(topics.MEMBERSHIP_ORGANISATIONS) == {"cleanup.policy": "compact"}
    assert topics.topic_config(topics.MEMBERSHIP_PEOPLE) == {"cleanup.policy": "compact"}
    assert topics.topic_config(topics.EXCHANGE_EXCHANGES) == {}
    # Verification links and sign-up notices must not outlive their use: deleted after a week.
    assert topics.topic_config(topics.MEMBERSHIP_ACCOUNT_EMAILS) == {
        "cleanup.policy": "delete",
        "retention.ms": str(7 * 24 * 3600 * 1000),
    }
    assert topics.topic_config(topics.dead_letter_topic(topics.MEMBERSHIP_PEOPLE)) == {}


async def test_a_new_topic_is_created_compacted_and_an_old_one_becomes_compacted(infra, topic_prefix) -> None:
    kafka = infra.kafka_bootstrap_servers
    created_before, created_now = f"{topic_prefix}before", f"{topic_prefix}now"
    await ensure_topics(kafka, [created_before], partitions=1, replication=1)
    assert await cleanup_policy(kafka, created_before) == "delete"

    compacted = {"cleanup.policy": "compact"}
    await ensure_topics(
        kafka,
        [created_before, created_now],
        partitions=1,
        replication=1,
        configs={created_before: compacted, created_now: compacted},
    )

    assert await eventual_cleanup_policy(kafka, created_before) == "compact"
    assert await eventual_cleanup_policy(kafka, created_now) == "compact"
