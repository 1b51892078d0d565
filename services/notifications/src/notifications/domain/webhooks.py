"""Partner webhook subscriptions: who subscribes, who sees and changes one, its secrets.

Deliveries, their attempts and the retry policy are in webhook_deliveries.py.
"""

import base64
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Literal
from uuid import UUID

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import InvalidInput, NotAllowed, NotFound

ROTATION_OVERLAP = timedelta(hours=24)
READ_SCOPE = "events:read"

SubscriptionStatus = Literal["active", "disabled"]


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
