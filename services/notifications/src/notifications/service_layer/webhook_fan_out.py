"""Every public event a partner subscribed to becomes one delivery, in the inbox's transaction."""

import json
from collections.abc import Awaitable, Callable, Sequence
from functools import cache
from typing import Any

from cloth_shared.contracts import topics
from cloth_shared.contracts.envelope import Event, EventEnvelope
from cloth_shared.contracts.membership import PersonErased
from cloth_shared.contracts.registry import ALL_EVENTS
from cloth_shared.ids import time_ordered_uuid
from cloth_shared.inbox.together import AppliedTogether
from notifications.domain import webhook_deliveries as deliveries
from notifications.domain.webhooks import Subscription
from notifications.service_layer.ports import NotificationsUnitOfWork

# Partners may receive every public event by webhook: a topic added to the contracts is
# consumed for it without a change here.
PARTNER_TOPICS: tuple[str, ...] = topics.ALL_TOPICS

Envelope = EventEnvelope[dict[str, Any]]
Handler = Callable[[NotificationsUnitOfWork, Envelope, Any], Awaitable[None]]


@cache
def public_event_types() -> frozenset[str]:
    return frozenset(event.event_type for event in ALL_EVENTS if event.topic in PARTNER_TOPICS)


def webhook_body(envelope: Envelope) -> str:
    """Standard Webhooks' payload shape: type, timestamp, and the event's envelope as data."""
    document = {
        "type": envelope.event_type,
        "timestamp": envelope.occurred_at.isoformat(),
        "data": envelope.model_dump(mode="json"),
    }
    return json.dumps(document, separators=(",", ":"))


async def _fan_out_to_webhooks(
    uow: NotificationsUnitOfWork, consumed: Sequence[tuple[Envelope, Event]]
) -> None:
    """One delivery per subscription asking for each event's type (none twice: see the repository);
    the subscriptions are read once per event type of the run."""
    subscribed: dict[str, list[Subscription]] = {}
    wanted: list[deliveries.Delivery] = []
    for envelope, _ in consumed:
        if envelope.event_type not in subscribed:
            subscribed[envelope.event_type] = await uow.webhook_subscriptions.matching(envelope.event_type)
        if not subscribed[envelope.event_type]:
            continue
        body = webhook_body(envelope)
        wanted += [
            deliveries.delivery_for(
                subscription,
                id=time_ordered_uuid(),
                event_id=envelope.event_id,
                event_type=envelope.event_type,
                subject_key=envelope.subject_key,
                body=body,
                at=envelope.occurred_at,
            )
            for subscription in subscribed[envelope.event_type]
        ]
    if wanted:
        await uow.webhook_deliveries.add_all(wanted)


fan_out_to_webhooks = AppliedTogether(_fan_out_to_webhooks)


async def erase_then_fan_out(uow: NotificationsUnitOfWork, envelope: Envelope, event: PersonErased) -> None:
    """The person's earlier events (name, e-mail) are not kept for a replay; the erasure itself
    still goes to the partners who asked for it, so they forget the person too. Alone, not in a
    run: what the run before it stored is redacted, what follows is not."""
    await uow.webhook_deliveries.redact_subject(envelope.subject_key)
    await fan_out_to_webhooks(uow, envelope, event)


def partners_want(
    unit_of_work: Callable[[], NotificationsUnitOfWork],
) -> Callable[[Sequence[Envelope]], Awaitable[bool]]:
    """Whether fanning these events out would deliver anything. An event with a handler of its own
    (an erasure redacts the delivery log) always has an effect; the others when an active
    subscription asked for one of their types. The webhook inbox acknowledges a batch without one
    with no transaction (most events, while few partners subscribe): a redelivery asks again, and
    a subscription made in between then receives the events, as it would had they been read a
    moment later."""
    own_handler = {
        event.event_type
        for event, handler in fan_out_handlers().items()
        if handler is not fan_out_to_webhooks
    }

    async def want(envelopes: Sequence[Envelope]) -> bool:
        event_types = {envelope.event_type for envelope in envelopes}
        if event_types & own_handler:
            return True
        uow = unit_of_work()
        async with uow.reading():
            return await uow.webhook_subscriptions.any_matching(event_types)

    return want


def fan_out_handlers() -> dict[type[Event], Handler]:
    """The webhook inbox's subscriptions: every public event of the partner topics fans out."""
    handlers: dict[type[Event], Handler] = {
        event: fan_out_to_webhooks for event in ALL_EVENTS if event.topic in PARTNER_TOPICS
    }
    handlers[PersonErased] = erase_then_fan_out
    return handlers
