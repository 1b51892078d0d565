"""Telling people of consumed events, as the routing table says: one use case for every event.

`notify_all` takes a run of events (the inbox applies adjacent ones together) and reads the
directory, home clusters and preferences once for all of them, then stores every record with one
statement: the records are the ones `notify` would leave one event at a time, in the same order.
Each routed event is also kept a while, for people the directory learns of only after it was
routed (`tell_of_what_they_missed`, domain/routed_events.py).
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from uuid import UUID

from cloth_shared.contracts.envelope import Event, EventEnvelope
from cloth_shared.contracts.membership import PersonJoined, PersonRoleChanged
from cloth_shared.inbox.together import AppliedTogether
from notifications.domain.audiences import organisation_ids_in
from notifications.domain.inbox import Occurrence, Planned, plan
from notifications.domain.recipients import Recipient, RecipientQuery
from notifications.domain.routed_events import KEPT_FOR, RoutedEvent, keys_finding, keys_of
from notifications.domain.routing import Channel, Route, route_for
from notifications.service_layer.ports import NotificationsUnitOfWork

Envelope = EventEnvelope[dict[str, Any]]


async def _notify_all(uow: NotificationsUnitOfWork, consumed: Sequence[tuple[Envelope, Event]]) -> None:
    """Record what each event's routing row says, once per (event, person, channel), and keep
    each event a while for people the directory learns of late."""
    routed = [
        (
            route,
            _occurrence(
                envelope.event_id, envelope.event_type, event.model_dump(mode="json"), envelope.occurred_at
            ),
        )
        for envelope, event in consumed
        if (route := route_for(envelope.event_type)) is not None and route.tells
    ]
    if not routed:
        return
    audiences = await _audiences(uow, routed)
    await uow.routed_events.hold_for_routing(keys_of(audiences.queries))
    await _tell(uow, audiences, await uow.recipients.find_each(audiences.queries))
    kept = [
        RoutedEvent(o.event_id, o.event_type, dict(o.payload), o.occurred_at, keys_of(queries))
        for (_, o), queries in zip(routed, audiences.queries_of_each, strict=True)
    ]
    await uow.routed_events.keep(kept, kept_for=KEPT_FOR)


notify_all = AppliedTogether(_notify_all)
# One event at a time, as a handler: the same rule.
notify = notify_all


async def tell_of_what_they_missed(
    uow: NotificationsUnitOfWork, envelope: Envelope, event: PersonJoined | PersonRoleChanged
) -> None:
    """A people event made someone findable: what was routed before it was applied, though it
    occurred since, is routed again for that person alone (domain/routed_events.py)."""
    recipient = await uow.recipients.get(event.person.person_id)
    if recipient is None:
        return
    keys = keys_finding(recipient)
    await uow.routed_events.hold_for_person(keys)
    missed = await uow.routed_events.since(envelope.occurred_at, keys)
    routed = [
        (route, _occurrence(m.event_id, m.event_type, m.payload, m.occurred_at))
        for m in missed
        if (route := route_for(m.event_type)) is not None
    ]
    if not routed:
        return
    audiences = await _audiences(uow, routed)
    found = await uow.recipients.find_each(audiences.queries)
    only_them = {
        query: [r for r in people if r.person_id == recipient.person_id] for query, people in found.items()
    }
    await _tell(uow, audiences, only_them)


@dataclass(frozen=True, slots=True)
class _Audiences:
    """Who each routed event's rows name, as the directory's organisations place them now."""

    routed: Sequence[tuple[Route, Occurrence]]
    rows: Sequence[Sequence[tuple[Sequence[Channel], Sequence[RecipientQuery]]]]  # per event, per routing row
    organisation_names: list[dict[UUID, str]]  # per event: the organisations it names, known ones
    queries_of_each: list[set[RecipientQuery]]  # per event: every query its rows make
    queries: set[RecipientQuery]  # all of them, each once: the directory is read once for all


async def _audiences(uow: NotificationsUnitOfWork, routed: Sequence[tuple[Route, Occurrence]]) -> _Audiences:
    named_by = [organisation_ids_in(occurrence.payload) for _, occurrence in routed]
    organisations = await uow.organisations.known(set().union(*named_by))
    names = {o.organisation_id: o.legal_name for o in organisations}
    home_clusters = {o.organisation_id: o.cluster_id for o in organisations}
    rows = [
        [(row.channels, row.audience.queries(occurrence.payload, home_clusters)) for row in route.tells]
        for route, occurrence in routed
    ]
    named_here = [{i: names[i] for i in named if i in names} for named in named_by]
    queries_of_each = [{q for _, queries in event_rows for q in queries} for event_rows in rows]
    return _Audiences(routed, rows, named_here, queries_of_each, set().union(*queries_of_each))


async def _tell(
    uow: NotificationsUnitOfWork, audiences: _Audiences, found: dict[RecipientQuery, list[Recipient]]
) -> None:
    """Plan each event's records for the people found, as their preferences say, and store them."""
    told = [_told(rows, found) for rows in audiences.rows]
    choices = await uow.preferences.chosen({r.person_id for pairs in told for r, _ in pairs})
    planned: list[Planned] = []
    for (route, occurrence), pairs, names in zip(
        audiences.routed, told, audiences.organisation_names, strict=True
    ):
        planned += plan(route, replace(occurrence, organisation_names=names), pairs, choices)
    await _store(uow, planned)


def _occurrence(
    event_id: UUID, event_type: str, payload: dict[str, Any], occurred_at: datetime
) -> Occurrence:
    return Occurrence(event_id=event_id, event_type=event_type, payload=payload, occurred_at=occurred_at)


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
