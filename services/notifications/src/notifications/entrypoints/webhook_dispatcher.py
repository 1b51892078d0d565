"""The background loop that drains due webhook deliveries, in every replica (SKIP LOCKED)."""

import asyncio
import contextlib

import structlog

from cloth_shared.service import Infrastructure
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork
from notifications.adapters.webhook_sender import HttpWebhookSender
from notifications.config import NotificationsSettings
from notifications.domain.webhook_targets import TargetPolicy
from notifications.service_layer.webhook_dispatch import DispatchPolicy, dispatch_due

log = structlog.get_logger(__name__)


def target_policy(settings: NotificationsSettings) -> TargetPolicy:
    return TargetPolicy(
        allow_loopback=settings.webhook_allow_loopback,
        allow_private=settings.webhook_allow_private,
        require_https=settings.webhook_require_https,
    )


class WebhookDispatcher:
    def __init__(self, infra: Infrastructure, settings: NotificationsSettings) -> None:
        self._infra = infra
        self._interval = settings.webhook_dispatch_interval_seconds
        self._sender = HttpWebhookSender(
            target_policy(settings), timeout_seconds=settings.webhook_timeout_seconds
        )
        self._policy = DispatchPolicy(
            retry_schedule=settings.webhook_retry_schedule_seconds,
            lease_seconds=settings.webhook_timeout_seconds * 3,
            batch_size=settings.webhook_dispatch_batch,
        )
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        self._stopping.set()

    async def run(self) -> None:
        """Until stopped: a full batch is followed at once by the next, else wait the interval."""
        try:
            while not self._stopping.is_set():
                try:
                    sent = await dispatch_due(self._unit_of_work, self._sender, self._policy)
                except Exception as error:  # the database may be away: try again next interval
                    log.warning("webhook_dispatch_failed", error=str(error))
                    sent = 0
                if sent < self._policy.batch_size:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._stopping.wait(), self._interval)
        finally:
            await self._sender.close()

    def _unit_of_work(self) -> PostgresNotificationsUnitOfWork:
        return PostgresNotificationsUnitOfWork(self._infra.pool, self._infra.outbox)


def start_webhook_dispatcher(infra: Infrastructure, settings: NotificationsSettings) -> None:
    dispatcher = WebhookDispatcher(infra, settings)
    infra.on_stop.append(dispatcher.stop)
    infra.tasks.append(asyncio.create_task(dispatcher.run(), name="notifications-webhook-dispatcher"))
