"""Webhook deliveries and their attempts: the retry policy, replays, giving up.

Retry policy (Standard Webhooks' recommendation, as Svix schedules it): the first attempt at
once, then retries after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, each ±20 % jitter so a
recovering partner is not hit by every delivery at the same second: 8 attempts over about
27 hours. A delivery whose last attempt fails is `failed`, and its subscription is disabled
(the partner's target has been failing for about a day) with a notice to its contact.
"""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Literal
from uuid import UUID

from notifications.domain.email import FALLBACK_LANGUAGE, EmailDelivery, delivery_id_for
from notifications.domain.email_context import GENERIC
from notifications.domain.webhooks import Subscription

RETRY_SCHEDULE_SECONDS: tuple[float, ...] = (5, 300, 1800, 7200, 18000, 36000, 36000)
JITTER = 0.2
# Names the e-mail of a disabled subscription in its delivery id (the row renders as generic).
DISABLED_TEMPLATE = "webhook_subscription_disabled"

DeliveryStatus = Literal["pending", "delivered", "failed"]


@dataclass(frozen=True, slots=True)
class Delivery:
    """One event for one subscription; `attempts` counts the attempts since it was (re)scheduled."""

    id: UUID
    subscription_id: UUID
    client_id: UUID
    event_id: UUID
    event_type: str
    subject_key: str  # the event's aggregate: a person's id on membership.people (erasure)
    body: str  # exactly the bytes signed and posted
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime | None
    created_at: datetime
    last_response_code: int | None = None
    finished_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class AttemptOutcome:
    """What the sender saw: a response code, or an error (timeout, refused target, network)."""

    response_code: int | None
    latency_ms: float
    error: str | None = None

    @property
    def succeeded(self) -> bool:
        return self.error is None and self.response_code is not None and 200 <= self.response_code < 300


@dataclass(frozen=True, slots=True)
class Attempt:
    delivery_id: UUID
    number: int
    at: datetime
    succeeded: bool
    response_code: int | None
    latency_ms: float
    error: str | None


def delivery_for(
    subscription: Subscription,
    *,
    id: UUID,
    event_id: UUID,
    event_type: str,
    subject_key: str,
    body: str,
    at: datetime,
) -> Delivery:
    return Delivery(
        id=id,
        subscription_id=subscription.id,
        client_id=subscription.client_id,
        event_id=event_id,
        event_type=event_type,
        subject_key=subject_key,
        body=body,
        status="pending",
        attempts=0,
        next_attempt_at=at,
        created_at=at,
    )


def retry_delay(attempts_made: int, schedule: tuple[float, ...], jitter: float) -> timedelta | None:
    """Wait before the next attempt after `attempts_made`; None when the schedule is spent.

    `jitter` is a number in [-1, 1] (drawn by the caller), scaled to ±JITTER of the delay.
    """
    if attempts_made > len(schedule):
        return None
    return timedelta(seconds=schedule[attempts_made - 1] * (1 + JITTER * jitter))


def after_attempt(
    delivery: Delivery, outcome: AttemptOutcome, *, schedule: tuple[float, ...], at: datetime, jitter: float
) -> tuple[Delivery, Attempt]:
    """The delivery after one attempt, and that attempt's log entry."""
    number = delivery.attempts + 1
    attempt = Attempt(
        delivery.id, number, at, outcome.succeeded, outcome.response_code, outcome.latency_ms, outcome.error
    )
    changed = replace(delivery, attempts=number, last_response_code=outcome.response_code)
    if outcome.succeeded:
        return replace(changed, status="delivered", next_attempt_at=None, finished_at=at), attempt
    delay = retry_delay(number, schedule, jitter)
    if delay is None:
        return replace(changed, status="failed", next_attempt_at=None, finished_at=at), attempt
    return replace(changed, status="pending", next_attempt_at=at + delay), attempt


def replayed(delivery: Delivery, *, at: datetime) -> Delivery:
    """Sent again from the first attempt of a fresh schedule, whatever became of it before."""
    return replace(delivery, status="pending", attempts=0, next_attempt_at=at, finished_at=None)


def disabling_notice(subscription: Subscription, delivery: Delivery) -> tuple[str, str]:
    """Subject and text of the message to the partner's contact when its webhook is disabled."""
    subject, lines = _disabling(subscription, delivery)
    return subject, " ".join(lines)


def disabling_email(subscription: Subscription, delivery: Delivery) -> EmailDelivery:
    """The same notice as an e-mail row, in English: a partner's contact has no language on
    record. Its id derives from the delivery that gave up, so a retried transaction writes one."""
    subject, lines = _disabling(subscription, delivery)
    return EmailDelivery(
        id=delivery_id_for(delivery.id, DISABLED_TEMPLATE),
        to_address=subscription.contact_email,
        language=FALLBACK_LANGUAGE,
        template=GENERIC,
        context={"title": subject, "lines": lines},
    )


def _disabling(subscription: Subscription, delivery: Delivery) -> tuple[str, list[str]]:
    return "Your CLOTH webhook subscription was disabled", [
        f"Deliveries to {subscription.target_url} kept failing: delivery {delivery.id} of "
        f"{delivery.event_type} failed {delivery.attempts} times over about a day (last response: "
        f"{delivery.last_response_code or 'none'}).",
        f"Fix the endpoint, enable the subscription again (POST /webhooks/subscriptions/"
        f"{subscription.id}/enable) and replay what you missed.",
    ]
