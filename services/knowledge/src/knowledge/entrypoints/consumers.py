"""The knowledge service's Kafka subscriptions, listed explicitly: event type → use case."""

from faststream.kafka import KafkaRouter

from cloth_shared.contracts import topics
from cloth_shared.contracts.membership import PersonErased, PersonJoined, PersonRoleChanged
from cloth_shared.inbox.consumer import InboxConsumer
from cloth_shared.messaging.subscriptions import subscribe
from cloth_shared.service import Infrastructure
from knowledge.adapters.unit_of_work import PostgresKnowledgeUnitOfWork
from knowledge.service_layer.membership_events import forget_contributor, remember_contributor

CONSUMED_TOPICS = [topics.MEMBERSHIP_PEOPLE]


def build_consumers(infra: Infrastructure) -> KafkaRouter:
    settings = infra.settings
    router = KafkaRouter()
    people_inbox = InboxConsumer[PostgresKnowledgeUnitOfWork](
        name="knowledge.membership-people",
        unit_of_work=lambda: PostgresKnowledgeUnitOfWork(infra.pool, infra.outbox),
        handlers={
            PersonJoined: remember_contributor,
            PersonRoleChanged: remember_contributor,
            PersonErased: forget_contributor,
        },
        dead_letters=infra.producer,
        max_attempts=settings.consumer_max_attempts,
        backoff_seconds=settings.consumer_retry_backoff_seconds,
    )
    subscribe(
        router,
        people_inbox,
        settings.topic(topics.MEMBERSHIP_PEOPLE),
        group_id=f"{settings.kafka_topic_prefix}knowledge",
    )
    return router
