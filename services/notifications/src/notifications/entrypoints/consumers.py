"""The notifications service's Kafka subscriptions, listed explicitly: event type → use case."""

from faststream.kafka import KafkaRouter

from cloth_shared.contracts import topics
from cloth_shared.contracts.membership import SMEJoined, StakeholderJoined
from cloth_shared.inbox.consumer import InboxConsumer
from cloth_shared.messaging.subscriptions import subscribe
from cloth_shared.service import Infrastructure
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork
from notifications.service_layer.membership_events import welcome_new_member

CONSUMED_TOPICS = [topics.MEMBERSHIP_ORGANISATIONS]


def build_consumers(infra: Infrastructure) -> KafkaRouter:
    settings = infra.settings
    router = KafkaRouter()
    membership_inbox = InboxConsumer[PostgresNotificationsUnitOfWork](
        name="notifications.membership",
        unit_of_work=lambda: PostgresNotificationsUnitOfWork(infra.pool, infra.outbox),
        handlers={SMEJoined: welcome_new_member, StakeholderJoined: welcome_new_member},
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
