"""The notifications service's Kafka subscriptions, listed explicitly: event type → use case."""

from faststream.kafka import KafkaRouter

from cloth_shared.auth.revocation import with_revocation
from cloth_shared.contracts import topics
from cloth_shared.contracts.membership import SMEJoined, StakeholderJoined
from cloth_shared.messaging.subscriptions import subscribe_inbox
from cloth_shared.service import Infrastructure
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork
from notifications.entrypoints.webhook_consumers import subscribe_webhook_fan_out
from notifications.service_layer.membership_events import welcome_new_member
from notifications.service_layer.webhook_fan_out import PARTNER_TOPICS

CONSUMED_TOPICS = [topics.MEMBERSHIP_ORGANISATIONS, topics.MEMBERSHIP_PEOPLE]
# The partner webhooks' own group reads these too (entrypoints/webhook_consumers.py).
CONSUMED_TOPICS += [topic for topic in PARTNER_TOPICS if topic not in CONSUMED_TOPICS]


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
    subscribe_webhook_fan_out(router, infra)
    return router
