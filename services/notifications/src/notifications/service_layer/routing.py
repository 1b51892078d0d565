"""Telling people of a consumed event, as the routing table says: one use case for every event."""

from typing import Any

from cloth_shared.contracts.envelope import Event, EventEnvelope
from notifications.domain.audiences import organisation_ids_in
from notifications.domain.inbox import Occurrence, Planned, plan
from notifications.domain.recipients import Recipient
from notifications.domain.routing import Channel, Route, route_for
from notifications.service_layer.ports import NotificationsUnitOfWork

Envelope = EventEnvelope[dict[str, Any]]


async def notify(uow: NotificationsUnitOfWork, envelope: Envelope, event: Event) -> None:
    """Record what the event's routing row says, once per (event, person, channel)."""
    route = route_for(envelope.event_type)
    if route is None or not route.tells:
        return
    payload = event.model_dump(mode="json")
    organisations = await uow.organisations.known(organisation_ids_in(payload))
    occurrence = Occurrence(
        event_id=envelope.event_id,
        event_type=envelope.event_type,
        payload=payload,
        occurred_at=envelope.occurred_at,
        organisation_names={o.organisation_id: o.legal_name for o in organisations},
    )
    told = await _told(uow, route, occurrence, {o.organisation_id: o.cluster_id for o in organisations})
    choices = await uow.preferences.chosen({recipient.person_id for recipient, _ in told})
    for planned in plan(route, occurrence, told, choices):
        await _store(uow, planned)


async def _told(
    uow: NotificationsUnitOfWork, route: Route, occurrence: Occurrence, home_clusters: dict[Any, Any]
) -> list[tuple[Recipient, Channel]]:
    told: list[tuple[Recipient, Channel]] = []
    for row in route.tells:
        for query in row.audience.queries(occurrence.payload, home_clusters):
            for recipient in await uow.recipients.find(query):
                told.extend((recipient, channel) for channel in row.channels)
    # Sequences are taken in person order, so two events' transactions lock in the same order.
    return sorted(told, key=lambda pair: (pair[0].person_id, pair[1]))


async def _store(uow: NotificationsUnitOfWork, planned: Planned) -> None:
    if await uow.inbox.add(planned.notification) and planned.email is not None:
        await uow.email_deliveries.add(planned.email)
