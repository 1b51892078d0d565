"""Telling people of consumed events, as the routing table says: one use case for every event.

`notify_all` takes a run of events (the inbox applies adjacent ones together) and reads the
directory, home clusters and preferences once for all of them, then stores every record with one
statement: the records are the ones `notify` would leave one event at a time, in the same order.
"""

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from cloth_shared.contracts.envelope import Event, EventEnvelope
from cloth_shared.inbox.together import AppliedTogether
from notifications.domain.audiences import organisation_ids_in
from notifications.domain.inbox import Occurrence, Planned, plan
from notifications.domain.recipients import Recipient, RecipientQuery
from notifications.domain.routing import Channel, route_for
from notifications.service_layer.ports import NotificationsUnitOfWork

Envelope = EventEnvelope[dict[str, Any]]


async def _notify_all(uow: NotificationsUnitOfWork, consumed: Sequence[tuple[Envelope, Event]]) -> None:
    """Record what each event's routing row says, once per (event, person, channel)."""
    routed = [
        (route, envelope, event.model_dump(mode="json"))
        for envelope, event in consumed
        if (route := route_for(envelope.event_type)) is not None and route.tells
    ]
    if not routed:
        return
    named_by = [organisation_ids_in(payload) for _, _, payload in routed]
    organisations = await uow.organisations.known(set().union(*named_by))
    names = {o.organisation_id: o.legal_name for o in organisations}
    home_clusters = {o.organisation_id: o.cluster_id for o in organisations}
    audiences = [
        [(row.channels, row.audience.queries(payload, home_clusters)) for row in route.tells]
        for route, _, payload in routed
    ]
    found = await uow.recipients.find_each({q for rows in audiences for _, qs in rows for q in qs})
    told = [_told(rows, found) for rows in audiences]
    choices = await uow.preferences.chosen({r.person_id for pairs in told for r, _ in pairs})
    planned: list[Planned] = []
    for (route, envelope, payload), pairs, named in zip(routed, told, named_by, strict=True):
        occurrence = Occurrence(
            event_id=envelope.event_id,
            event_type=envelope.event_type,
            payload=payload,
            occurred_at=envelope.occurred_at,
            organisation_names={i: names[i] for i in named if i in names},
        )
        planned += plan(route, occurrence, pairs, choices)
    await _store(uow, planned)


notify_all = AppliedTogether(_notify_all)
# One event at a time, as a handler: the same rule.
notify = notify_all


def _told(
    rows: Sequence[tuple[Sequence[Channel], Sequence[RecipientQuery]]],
    found: dict[RecipientQuery, list[Recipient]],
) -> list[tuple[Recipient, Channel]]:
    told = [
        (recipient, channel)
        for channels, queries in rows
        for query in queries
        for recipient in found[query]
        for channel in channels
    ]
    # Sequences are taken in person order, so two events' transactions lock in the same order.
    return sorted(told, key=lambda pair: (pair[0].person_id, pair[1]))


async def _store(uow: NotificationsUnitOfWork, planned: Sequence[Planned]) -> None:
    stored: set[UUID] = await uow.inbox.add_all([p.notification for p in planned])
    emails = [p.email for p in planned if p.email is not None and p.notification.id in stored]
    if emails:
        await uow.email_deliveries.add_all(emails)
