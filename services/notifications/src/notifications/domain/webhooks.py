"""Partner webhooks: subscriptions, deliveries and their attempts, as pure values and rules.

Retry policy (Standard Webhooks' recommendation, as Svix schedules it): the first attempt at
once, then retries after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, each ±20 % jitter so a
recovering partner is not hit by every delivery at the same second: 8 attempts over about
27 hours. A delivery whose last attempt fails is `failed`, and its subscription is disabled
(the partner's target has been failing for about a day) with a notice to its contact.
"""

import base64
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Literal
from uuid import UUID

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import InvalidInput, NotAllowed, NotFound

RETRY_SCHEDULE_SECONDS: tuple[float, ...] = (5, 300, 1800, 7200, 18000, 36000, 36000)
JITTER = 0.2
ROTATION_OVERLAP = timedelta(hours=24)
READ_SCOPE = "events:read"

SubscriptionStatus = Literal["active", "disabled"]
DeliveryStatus = Literal["pending", "delivered", "failed"]


@dataclass(frozen=True, slots=True)
class Subscription:
    id: UUID
    client_id: UUID
    target_url: str
    event_types: tuple[str, ...]
    secret: str  # `whsec_` + base64: kept to sign every delivery, shown once to the partner
    contact_email: str
    status: SubscriptionStatus
    created_at: datetime
    disabled_at: datetime | None = None
    disabled_reason: str | None = None
    # After a rotation, the old secret still signs until then, so the partner can switch over.
    previous_secret: str | None = None
    previous_secret_until: datetime | None = None


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


def new_secret() -> str:
    """A Standard Webhooks secret: 24 random bytes, base64, with the `whsec_` prefix."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


def subscription_for(
    caller: Principal,
    *,
    id: UUID,
    target_url: str,
    event_types: tuple[str, ...],
    public_event_types: frozenset[str],
    contact_email: str,
    at: datetime,
) -> Subscription:
    """A partner client subscribes itself; every event type must be a public one."""
    if not (caller.is_client and caller.has_scope(READ_SCOPE)):
        raise NotAllowed(f"only partner clients with the {READ_SCOPE} scope subscribe", code="not-a-partner")
    unknown = sorted(set(event_types) - public_event_types)
    if unknown:
        raise InvalidInput(f"not public event types: {', '.join(unknown)}", code="unknown-event-type")
    return Subscription(
        id=id,
        client_id=caller.subject,
        target_url=target_url,
        event_types=tuple(sorted(set(event_types))),
        secret=new_secret(),
        contact_email=contact_email,
        status="active",
        created_at=at,
    )


def check_may_read(caller: Principal, subscription: Subscription) -> None:
    """Its partner, or a platform administrator; to anyone else it does not exist."""
    if not (caller.is_admin or (caller.is_client and caller.subject == subscription.client_id)):
        raise NotFound("no such webhook subscription", code="subscription-not-found")


def check_may_change(caller: Principal, subscription: Subscription) -> None:
    """Only its partner changes where and what it receives."""
    check_may_read(caller, subscription)
    if caller.subject != subscription.client_id:
        raise NotAllowed("only the partner changes its subscription", code="not-your-subscription")


def check_may_list(caller: Principal) -> None:
    if not (caller.is_admin or caller.is_client):
        raise NotAllowed("webhooks belong to partner clients and administrators", code="not-a-partner")


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


def rotated(subscription: Subscription, *, at: datetime) -> Subscription:
    """A new secret; deliveries carry signatures by both for ROTATION_OVERLAP (Standard Webhooks)."""
    return replace(
        subscription,
        secret=new_secret(),
        previous_secret=subscription.secret,
        previous_secret_until=at + ROTATION_OVERLAP,
    )


def signing_secrets(subscription: Subscription, *, at: datetime) -> tuple[str, ...]:
    """The secrets a delivery is signed with now: the current one, and the previous while it lasts."""
    until = subscription.previous_secret_until
    if subscription.previous_secret and until and at < until:
        return (subscription.secret, subscription.previous_secret)
    return (subscription.secret,)


def disabled(subscription: Subscription, *, reason: str, at: datetime) -> Subscription:
    return replace(subscription, status="disabled", disabled_at=at, disabled_reason=reason)


def enabled(subscription: Subscription) -> Subscription:
    return replace(subscription, status="active", disabled_at=None, disabled_reason=None)


def disabling_notice(subscription: Subscription, delivery: Delivery) -> tuple[str, str]:
    """Subject and text of the message to the partner's contact when its webhook is disabled."""
    subject = "Your CLOTH webhook subscription was disabled"
    text = (
        f"Deliveries to {subscription.target_url} kept failing: delivery {delivery.id} of "
        f"{delivery.event_type} failed {delivery.attempts} times over about a day (last response: "
        f"{delivery.last_response_code or 'none'}). Fix the endpoint, enable the subscription again "
        "(POST /webhooks/subscriptions/{id}/enable) and replay what you missed."
    )
    return subject, text
