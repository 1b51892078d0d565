"""Draining due webhook deliveries: claim, send signed, log the attempt, retry or give up."""

import asyncio
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import structlog

from notifications.domain import webhook_deliveries as deliveries
from notifications.domain import webhooks as rules
from notifications.domain.webhook_deliveries import Delivery
from notifications.service_layer.ports import NotificationsUnitOfWork
from notifications.service_layer.webhook_ports import WebhookSender

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class DispatchPolicy:
    retry_schedule: tuple[float, ...] = deliveries.RETRY_SCHEDULE_SECONDS
    # Longer than a send can take (its timeout), so no other dispatcher takes a claimed row over.
    lease_seconds: float = 60.0
    batch_size: int = 20


async def dispatch_due(
    unit_of_work: Callable[[], NotificationsUnitOfWork],
    sender: WebhookSender,
    policy: DispatchPolicy,
    *,
    jitter: Callable[[], float] = lambda: random.uniform(-1, 1),  # noqa: S311 - spreads load, guards nothing
) -> int:
    """One pass: claim what is due, send each concurrently, record each outcome; how many sent."""
    async with unit_of_work() as uow:
        claimed = await uow.webhook_deliveries.claim_due(
            now=datetime.now(UTC), lease_seconds=policy.lease_seconds, limit=policy.batch_size
        )
        await uow.commit()
    await asyncio.gather(*(_attempt(unit_of_work, sender, policy, d, jitter()) for d in claimed))
    return len(claimed)


async def _attempt(
    unit_of_work: Callable[[], NotificationsUnitOfWork],
    sender: WebhookSender,
    policy: DispatchPolicy,
    claimed: Delivery,
    jitter: float,
) -> None:
    async with unit_of_work() as uow:
        subscription = await uow.webhook_subscriptions.get(claimed.subscription_id)
    if subscription is None or subscription.status != "active":
        return  # unsubscribed or disabled meanwhile: the claim lapses, nothing is sent
    # Sent outside any transaction: a slow partner holds no connection. A crash before the
    # outcome is recorded sends again once the lease ends (at least once; the webhook-id repeats).
    outcome = await sender.send(
        target_url=subscription.target_url,
        secrets=rules.signing_secrets(subscription, at=datetime.now(UTC)),
        message_id=str(claimed.id),
        body=claimed.body,
    )
    async with unit_of_work() as uow:
        current = await uow.webhook_deliveries.get(claimed.id, for_update=True)
        if current is None or current.attempts != claimed.attempts:
            return  # removed, or replayed meanwhile: the fresh schedule owns it now
        at = datetime.now(UTC)
        delivery, attempt = deliveries.after_attempt(
            current, outcome, schedule=policy.retry_schedule, at=at, jitter=jitter
        )
        await uow.webhook_deliveries.save(delivery, attempt)
        if delivery.status == "failed":
            await _disable(uow, delivery, at)
        await uow.commit()
    log.info(
        "webhook_attempt",
        delivery_id=str(delivery.id),
        subscription_id=str(delivery.subscription_id),
        attempt=attempt.number,
        response_code=attempt.response_code,
        latency_ms=attempt.latency_ms,
        error=attempt.error,
        status=delivery.status,
    )


async def _disable(uow: NotificationsUnitOfWork, delivery: Delivery, at: datetime) -> None:
    """The target failed for a whole schedule: stop sending, and tell the partner's contact."""
    subscription = await uow.webhook_subscriptions.get(delivery.subscription_id, for_update=True)
    if subscription is None or subscription.status != "active":
        return
    reason = f"delivery {delivery.id} failed {delivery.attempts} attempts"
    await uow.webhook_subscriptions.save(rules.disabled(subscription, reason=reason, at=at))
    subject, text = deliveries.disabling_notice(subscription, delivery)
    await uow.webhook_subscriptions.add_notice(subscription, subject=subject, text=text, at=at)
    # The notice is the partner's record; the e-mail goes out like any other, from its row.
    await uow.email_deliveries.add(deliveries.disabling_email(subscription, delivery))
