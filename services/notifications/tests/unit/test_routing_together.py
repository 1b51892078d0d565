"""A run of events applied together leaves exactly the records one event at a time leaves."""

from typing import Any
from uuid import UUID, uuid4

from cloth_shared.contracts.envelope import Event
from cloth_shared.testing.examples import enveloped, sme_joined
from notifications.domain.recipients import Recipient, RecipientQuery, found_for
from notifications.service_layer.recipients import remember_organisation_then_notify
from notifications.service_layer.routing import notify_all

from .consuming import person
from .exchange_examples import exchange_requested, exchange_snapshot, report_overdue
from .fakes import FakeNotificationsUnitOfWork


async def directory(uow: FakeNotificationsUnitOfWork, host: UUID, visitor: UUID, cluster: UUID) -> None:
    await person(uow, role="organisation_admin", organisation_id=host)
    await person(uow, role="organisation_member", organisation_id=host)
    await person(uow, role="organisation_admin", organisation_id=visitor)
    await person(uow, role="cluster_manager", cluster_id=cluster)


def left_behind(uow: FakeNotificationsUnitOfWork, events: set[UUID]) -> set[tuple[Any, ...]]:
    """The events' records and e-mail rows, without the ids each run draws afresh."""
    db = uow.database
    records = {
        (n.event_id, n.person_id, n.channel, n.frequency, n.title, n.sequence, repr(dict(n.context)))
        for n in db.person_notifications.values()
        if n.event_id in events
    }
    mails = {
        (
            db.person_notifications[e.notification_id].event_id,
            e.person_id,
            e.to_address,
            e.template,
            repr(dict(e.context)),
        )
        for e in db.email_deliveries.values()
        if e.notification_id is not None and db.person_notifications[e.notification_id].event_id in events
    }
    return records | mails


async def test_organisation_events_and_exchange_events_applied_in_runs_leave_what_one_by_one_leaves() -> None:
    host, visitor, cluster = uuid4(), uuid4(), uuid4()
    one_by_one = FakeNotificationsUnitOfWork()
    await directory(one_by_one, host, visitor, cluster)
    together = FakeNotificationsUnitOfWork(one_by_one.database.copy())  # the same people
    snapshot = exchange_snapshot(host=host, visitor=visitor, host_cluster=cluster)
    # The host joins, is renamed and joins again in one run: each event is routed with the
    # organisation as its own event left it, not as the run's last one did.
    organisation_events: list[Event] = [
        sme_joined("Teixits SL", organisation_id=host, cluster_id=cluster),
        sme_joined("Teixits Igualada SL", organisation_id=host, cluster_id=cluster),
        sme_joined("Moda Ruse", organisation_id=visitor, cluster_id=cluster),
        sme_joined("Teixits 2027 SL", organisation_id=host, cluster_id=cluster),
    ]
    exchange_events: list[Event] = [
        exchange_requested(snapshot),
        report_overdue(snapshot),
        exchange_requested(snapshot),
    ]
    runs = [
        (remember_organisation_then_notify, [(enveloped(e), e) for e in organisation_events]),
        (notify_all, [(enveloped(e), e) for e in exchange_events]),
    ]

    for handler, consumed in runs:
        async with one_by_one:
            for envelope, event in consumed:
                await handler(one_by_one, envelope, event)
            await one_by_one.commit()
        async with together:
            await handler.apply(together, consumed)
            await together.commit()

    events = {envelope.event_id for _, consumed in runs for envelope, _ in consumed}
    assert left_behind(together, events) == left_behind(one_by_one, events)
    assert len(left_behind(together, events)) > 20
    records = one_by_one.database.person_notifications.values()
    names = {n.context["organisation_names"].get(str(host)) for n in records}
    assert {"Teixits SL", "Teixits Igualada SL", "Teixits 2027 SL"} <= names


def test_many_queries_answered_from_one_read_find_what_each_query_finds_alone() -> None:
    organisation, cluster = uuid4(), uuid4()
    people = [
        Recipient(uuid4(), "Admin", "a@example.org", "en", frozenset({"organisation_admin"}), organisation),
        Recipient(uuid4(), "Member", "m@example.org", "en", frozenset({"organisation_member"}), organisation),
        Recipient(uuid4(), "Manager", "c@example.org", "en", frozenset({"cluster_manager"}), None, cluster),
        Recipient(uuid4(), "Other", "o@example.org", "en", frozenset({"organisation_admin"}), uuid4()),
    ]
    queries = [
        RecipientQuery(organisation_id=organisation, roles=frozenset({"organisation_admin"})),
        RecipientQuery(organisation_id=organisation),
        RecipientQuery(cluster_id=cluster, roles=frozenset({"cluster_manager"})),
        RecipientQuery(roles=frozenset({"organisation_admin"})),
        RecipientQuery(person_id=people[1].person_id, organisation_id=uuid4()),
        RecipientQuery(person_id=people[2].person_id),
    ]
    found = found_for(queries, reversed(people))
    for query in queries:
        alone = sorted((p for p in people if query.matches(p)), key=lambda p: p.person_id)
        assert found[query] == alone
    assert [len(found[q]) for q in queries] == [1, 2, 1, 2, 0, 1]
