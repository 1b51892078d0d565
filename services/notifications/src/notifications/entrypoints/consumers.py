"""The notifications service's Kafka subscriptions, listed explicitly: event type → use case."""

from faststream.kafka import KafkaRouter

from cloth_shared.auth.revocation import with_revocation
from cloth_shared.contracts import topics
from cloth_shared.contracts.membership import SMEJoined, StakeholderJoined
from cloth_shared.messaging.subscriptions import subscribe_inbox
from cloth_shared.service import Infrastructure
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork
from notifications.service_layer.membership_events import welcome_new_member

CONSUMED_TOPICS = [topics.MEMBERSHIP_ORGANISATIONS, topics.MEMBERSHIP_PEOPLE]


def build_consumers(infra: Infrastructure) -> KafkaRouter:
    router = KafkaRouter()
    subscribe_inbox(
        router,
        infra,
        consumer_name="notifications.membership",
        topic=topics.MEMBERSHIP_ORGANISATIONS,
        unit_of_work=lambda: PostgresNotificationsUnitOfWork(infra.pool, infra.outbox),
        handlers={SMEJoined: welcome_new_member, StakeholderJoined: welcome_new_member},
    )
    # Tokens issued before a person's last change of authority are refused here.
    subscribe_inbox(
        router,
        infra,
        consumer_name="notifications.membership-people",
        topic=topics.MEMBERSHIP_PEOPLE,
        unit_of_work=lambda: PostgresNotificationsUnitOfWork(infra.pool, infra.outbox),
        handlers=with_revocation(),
    )
    return router
