"""The webhook fan-out's own inbox: every partner topic, in a consumer group of its own.

Apart from the in-app/e-mail consumers on purpose: a slow or failing fan-out never holds up
anyone's notifications (and the other way round), and one group whose members all read the same
five topics rebalances as one, where five differently-subscribed members of one group did not
settle in time. Each event is read twice by the service, once per group: cheap beside a POST.
"""

from faststream.kafka import KafkaRouter

from cloth_shared.inbox.consumer import InboxConsumer
from cloth_shared.messaging.subscriptions import subscribe
from cloth_shared.service import Infrastructure
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork
from notifications.service_layer.webhook_fan_out import PARTNER_TOPICS, fan_out_handlers


def subscribe_webhook_fan_out(router: KafkaRouter, infra: Infrastructure) -> None:
    settings = infra.settings
    consumer = InboxConsumer[PostgresNotificationsUnitOfWork](
        name="notifications.webhooks",
        unit_of_work=lambda: PostgresNotificationsUnitOfWork(infra.pool, infra.outbox),
        handlers=fan_out_handlers(),
        dead_letters=infra.producer,
        max_attempts=settings.consumer_max_attempts,
        backoff_seconds=settings.consumer_retry_backoff_seconds,
    )
    group = f"{settings.kafka_topic_prefix}{settings.service_name}.webhooks"
    subscribe(router, consumer, *(settings.topic(topic) for topic in PARTNER_TOPICS), group_id=group)
