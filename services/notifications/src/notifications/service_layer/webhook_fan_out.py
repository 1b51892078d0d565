"""Every public event a partner subscribed to becomes one delivery, in the inbox's transaction."""

import json
from collections.abc import Awaitable, Callable
from functools import cache
from typing import Any
from uuid import uuid4

from cloth_shared.contracts import topics
from cloth_shared.contracts.envelope import Event, EventEnvelope
from cloth_shared.contracts.membership import PersonErased
from cloth_shared.contracts.registry import ALL_EVENTS
from notifications.domain import webhook_deliveries as deliveries
from notifications.service_layer.ports import NotificationsUnitOfWork

# Partners may receive every public event by webhook: a topic added to the contracts is
# consumed for it without a change here.
PARTNER_TOPICS: tuple[str, ...] = topics.ALL_TOPICS

Handler = Callable[[NotificationsUnitOfWork, EventEnvelope[dict[str, Any]], Any], Awaitable[None]]


@cache
def public_event_types() -> frozenset[str]:
    return frozenset(event.event_type for event in ALL_EVENTS if event.topic in PARTNER_TOPICS)


def webhook_body(envelope: EventEnvelope[dict[str, Any]]) -> str:
    """Standard Webhooks' payload shape: type, timestamp, and the event's envelope as data."""
    document = {
        "type": envelope.event_type,
        "timestamp": envelope.occurred_at.isoformat(),
        "data": envelope.model_dump(mode="json"),
    }
    return json.dumps(document, separators=(",", ":"))


async def fan_out_to_webhooks(
    uow: NotificationsUnitOfWork, envelope: EventEnvelope[dict[str, Any]], event: Event
) -> None:
    """One delivery per subscription asking for this event type (none twice: see the repository)."""
    if isinstance(event, PersonErased):
        # The person's earlier events (name, e-mail) are not kept for a replay; the erasure
        # itself still goes to the partners who asked for it, so they forget the person too.
        await uow.webhook_deliveries.redact_subject(envelope.subject_key)
    subscriptions = await uow.webhook_subscriptions.matching(envelope.event_type)
    if not subscriptions:
        return
    body = webhook_body(envelope)
    for subscription in subscriptions:
        delivery = deliveries.delivery_for(
            subscription,
            id=uuid4(),
            event_id=envelope.event_id,
            event_type=envelope.event_type,
            subject_key=envelope.subject_key,
            body=body,
            at=envelope.occurred_at,
        )
        await uow.webhook_deliveries.add(delivery)


def fan_out_handlers() -> dict[type[Event], Handler]:
    """The webhook inbox's subscriptions: every public event of the partner topics fans out."""
    return {event: fan_out_to_webhooks for event in ALL_EVENTS if event.topic in PARTNER_TOPICS}
