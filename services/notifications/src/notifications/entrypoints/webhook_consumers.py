"""The webhook fan-out's own inbox: every partner topic, in a consumer group of its own.

Apart from the in-app/e-mail consumers on purpose: a slow or failing fan-out never holds up
anyone's notifications (and the other way round), and one group whose members all read the same
five topics rebalances as one, where five differently-subscribed members of one group did not
settle in time. Each event is read twice by the service, once per group: cheap beside a POST,
and a batch no partner subscribed to costs one read and no transaction (`partners_want`).
"""

from collections.abc import Callable

from faststream.kafka import KafkaRouter

from cloth_shared.inbox.consumer import InboxConsumer
from cloth_shared.messaging.producer import ResilientProducer
from cloth_shared.messaging.subscriptions import subscribe
from cloth_shared.service import Infrastructure
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork
from notifications.service_layer.webhook_fan_out import PARTNER_TOPICS, fan_out_handlers, partners_want

# A partner's delivery may start this much later (its retries span a day): the fan-out then
# reads a few batches a second rather than one per handful of events, and leaves the cores to
# the in-app inbox, whose reader is watching the screen.
FAN_OUT_GATHER_MS = 200


def fan_out_inbox(
    unit_of_work: Callable[[], PostgresNotificationsUnitOfWork],
    dead_letters: ResilientProducer,
    *,
    max_attempts: int = 5,
    backoff_seconds: float = 0.2,
) -> InboxConsumer[PostgresNotificationsUnitOfWork]:
    """The webhook fan-out's inbox, which skips the batches no partner wants (`partners_want`)."""
    return InboxConsumer[PostgresNotificationsUnitOfWork](
        name="notifications.webhooks",
        unit_of_work=unit_of_work,
        handlers=fan_out_handlers(),
        dead_letters=dead_letters,
        max_attempts=max_attempts,
        backoff_seconds=backoff_seconds,
        has_effect=partners_want(unit_of_work),
    )


def subscribe_webhook_fan_out(router: KafkaRouter, infra: Infrastructure) -> None:
    settings = infra.settings
    consumer = fan_out_inbox(
        lambda: PostgresNotificationsUnitOfWork(infra.pool, infra.outbox),
        infra.producer,
        max_attempts=settings.consumer_max_attempts,
        backoff_seconds=settings.consumer_retry_backoff_seconds,
    )
    group = f"{settings.kafka_topic_prefix}{settings.service_name}.webhooks"
    subscribe(
        router,
        consumer,
        *(settings.topic(topic) for topic in PARTNER_TOPICS),
        group_id=group,
        gather_ms=FAN_OUT_GATHER_MS,
    )
