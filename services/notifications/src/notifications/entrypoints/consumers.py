"""The notifications service's Kafka subscriptions, listed explicitly."""

from typing import Any

import asyncpg
from faststream.kafka import KafkaRouter

from cloth_shared.contracts import topics
from cloth_shared.contracts.envelope import EventEnvelope
from cloth_shared.contracts.membership import SMEJoined, StakeholderJoined
from cloth_shared.inbox.consumer import InboxConsumer
from cloth_shared.messaging.subscriptions import subscribe
from cloth_shared.service import Infrastructure
from notifications.adapters.repositories import NotificationRepository
from notifications.service_layer.membership_events import welcome_new_member

CONSUMED_TOPICS = [topics.MEMBERSHIP_ORGANISATIONS]


async def on_joined(
    connection: asyncpg.Connection,
    envelope: EventEnvelope[dict[str, Any]],
    event: SMEJoined | StakeholderJoined,
) -> None:
    await welcome_new_member(
        NotificationRepository(connection),
        organisation=event.organisation,
        event_id=envelope.event_id,
        at=envelope.occurred_at,
    )


def build_consumers(infra: Infrastructure) -> KafkaRouter:
    settings = infra.settings
    router = KafkaRouter()
    membership_inbox = InboxConsumer(
        name="notifications.membership",
        pool=infra.pool,
        handlers={SMEJoined: on_joined, StakeholderJoined: on_joined},
        dead_letters=infra.producer,
        max_attempts=settings.consumer_max_attempts,
        backoff_seconds=settings.consumer_retry_backoff_seconds,
    )
    subscribe(
        router,
        membership_inbox,
        settings.topic(topics.MEMBERSHIP_ORGANISATIONS),
        group_id=f"{settings.kafka_topic_prefix}notifications",
    )
    return router
