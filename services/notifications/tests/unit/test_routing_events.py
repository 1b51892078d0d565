"""Consumed events become records for the people the routing table names, once each."""

from datetime import UTC, datetime
from uuid import uuid4

from cloth_shared.contracts.exchange import ExchangeAccepted
from cloth_shared.contracts.membership import PersonRemoved, PersonSessionsRevoked
from cloth_shared.testing.examples import enveloped, person_erased, sme_joined
from notifications.domain.email import NOT_VERIFIED, EmailDelivery
from notifications.domain.inbox import PersonNotification
from notifications.domain.preferences import Frequency
from notifications.domain.routing import Category, Channel
from notifications.service_layer.email_sending import send_due_emails
from notifications.service_layer.routing import notify

from .consuming import consume, person, verify_address
from .exchange_examples import exchange_requested, exchange_snapshot, report_overdue
from .fakes import FakeNotificationsUnitOfWork
from .test_email_sending import ScriptedMailer, channel_with


def records(uow: FakeNotificationsUnitOfWork, event_type: str) -> list[PersonNotification]:
    return [n for n in uow.database.person_notifications.values() if n.event_type == event_type]


def emails(uow: FakeNotificationsUnitOfWork, template: str) -> list[EmailDelivery]:
    return [e for e in uow.database.email_deliveries.values() if e.template == template]


def told(uow: FakeNotificationsUnitOfWork, event_type: str) -> set[tuple[object, Channel]]:
    return {
        (n.person_id, n.channel)
        for n in uow.database.person_notifications.values()
        if n.event_type == event_type
    }


async def test_an_exchange_request_reaches_the_hosts_people_in_app_and_by_email_and_not_the_visitor() -> None:
    uow = FakeNotificationsUnitOfWork()
    snapshot = exchange_snapshot()
    host_admin = await person(uow, role="organisation_admin", organisation_id=snapshot.host_organisation_id)
    host_member = await person(uow, organisation_id=snapshot.host_organisation_id)
    visitor = await person(uow, organisation_id=snapshot.visitor_organisation_id)
    manager = await person(uow, role="cluster_manager", cluster_id=snapshot.host_cluster_id)

    await consume(uow, exchange_requested(snapshot, by=visitor))

    assert told(uow, "ExchangeRequested") == {
        (host_admin, Channel.IN_APP),
        (host_admin, Channel.EMAIL),
        (host_member, Channel.IN_APP),
        (host_member, Channel.EMAIL),
        (manager, Channel.IN_APP),
    }


async def test_an_immediate_email_record_carries_one_delivery_row_in_the_persons_language() -> None:
    uow = FakeNotificationsUnitOfWork()
    snapshot = exchange_snapshot()
    host = await person(uow, organisation_id=snapshot.host_organisation_id, language="ro")

    await consume(uow, exchange_requested(snapshot))

    [email_record] = [
        n
        for n in uow.database.person_notifications.values()
        if n.channel is Channel.EMAIL and n.event_type == "ExchangeRequested"
    ]
    [delivery] = [e for e in uow.database.email_deliveries.values() if e.template == "ExchangeRequested"]
    assert (delivery.notification_id, delivery.person_id) == (email_record.id, host)
    assert (delivery.language, delivery.template, delivery.status) == ("ro", "ExchangeRequested", "pending")
    assert delivery.to_address == uow.database.recipients[host].email
    assert delivery.context["event"]["exchange"]["host_organisation_id"] == str(snapshot.host_organisation_id)


async def test_the_person_who_acted_is_not_told_of_their_own_act() -> None:
    uow = FakeNotificationsUnitOfWork()
    snapshot = exchange_snapshot()
    host = await person(uow, organisation_id=snapshot.host_organisation_id)

    await consume(uow, ExchangeAccepted(exchange=snapshot, accepted_by=host, accepted_at=datetime.now(UTC)))
    assert told(uow, "ExchangeAccepted") == set()


async def test_an_overdue_report_reaches_the_visitor_and_its_clusters_managers() -> None:
    uow = FakeNotificationsUnitOfWork()
    snapshot = exchange_snapshot()
    visitor = await person(uow, organisation_id=snapshot.visitor_organisation_id)
    manager = await person(uow, role="cluster_manager", cluster_id=snapshot.visitor_cluster_id)
    await person(uow, role="cluster_manager", cluster_id=snapshot.host_cluster_id)

    await consume(uow, report_overdue(snapshot))

    assert {p for p, _ in told(uow, "ExchangeReportOverdue")} == {visitor, manager}


async def test_an_event_handled_twice_without_the_inbox_leaves_one_record_per_person_and_channel() -> None:
    """A crash after the effects but before the inbox row: the unique key still holds."""
    uow = FakeNotificationsUnitOfWork()
    snapshot = exchange_snapshot()
    await person(uow, organisation_id=snapshot.host_organisation_id)
    event, event_id = exchange_requested(snapshot), uuid4()

    await consume(uow, event, event_id=event_id)
    await consume(uow, event, event_id=event_id)

    assert len(records(uow, "ExchangeRequested")) == 2
    assert len(emails(uow, "ExchangeRequested")) == 1


async def test_a_joined_sme_welcomes_its_people_and_tells_its_clusters_managers_in_app() -> None:
    uow = FakeNotificationsUnitOfWork()
    organisation_id, cluster_id = uuid4(), uuid4()
    applicant = await person(uow, role="organisation_admin", organisation_id=organisation_id)
    manager = await person(uow, role="cluster_manager", cluster_id=cluster_id)

    await consume(uow, sme_joined("Atelier Lyon", organisation_id, cluster_id=cluster_id))

    assert told(uow, "SMEJoined") == {
        (applicant, Channel.IN_APP),
        (applicant, Channel.EMAIL),
        (manager, Channel.IN_APP),
    }
    assert uow.database.organisations[organisation_id].cluster_id == cluster_id


async def test_routing_writes_mail_for_every_address_and_the_sender_sends_only_to_verified_ones() -> None:
    uow = FakeNotificationsUnitOfWork()
    snapshot = exchange_snapshot()
    verified = await person(uow, organisation_id=snapshot.host_organisation_id)
    unverified = await person(uow, organisation_id=snapshot.host_organisation_id)
    await verify_address(uow, verified)

    await consume(uow, exchange_requested(snapshot))
    await consume(
        uow,
        PersonSessionsRevoked(person_id=unverified, reason="password_changed", revoked_at=datetime.now(UTC)),
    )
    mailer = ScriptedMailer()
    await send_due_emails(channel_with(uow, mailer))

    outcome = {
        (e.person_id, e.context["event_type"]): (e.status, e.last_error)
        for e in uow.database.email_deliveries.values()
        if e.context["event_type"] != "PersonJoined"
    }
    assert outcome == {
        (verified, "ExchangeRequested"): ("sent", None),
        (unverified, "ExchangeRequested"): ("failed", NOT_VERIFIED.reason),
        (unverified, "PersonSessionsRevoked"): ("failed", NOT_VERIFIED.reason),
    }
    address = uow.database.recipients[verified].email
    sent = {(m.to_address, m.content.subject) for m in mailer.sent}
    assert (address, "Nova sol·licitud de Fashion ClusterXchange") in sent  # in their language, ca
    assert {to for to, _ in sent} == {address}


async def test_mail_refused_while_the_address_was_unverified_goes_once_when_it_is_verified() -> None:
    uow, mailer = FakeNotificationsUnitOfWork(), ScriptedMailer()
    snapshot = exchange_snapshot()
    host = await person(uow, organisation_id=snapshot.host_organisation_id)
    await consume(uow, exchange_requested(snapshot))
    await send_due_emails(channel_with(uow, mailer))
    assert mailer.sent == []

    await verify_address(uow, host)
    await send_due_emails(channel_with(uow, mailer))
    await verify_address(uow, host)  # a redelivered verification sends nothing twice
    await send_due_emails(channel_with(uow, mailer))

    assert sorted(m.content.subject for m in mailer.sent) == [
        "Compte creat",  # PersonJoined, in the person's Catalan like the request
        "Nova sol·licitud de Fashion ClusterXchange",
    ]


async def test_a_person_who_turned_a_channel_off_gets_nothing_there_and_a_digest_choice_waits() -> None:
    uow = FakeNotificationsUnitOfWork()
    snapshot = exchange_snapshot()
    host = await person(uow, organisation_id=snapshot.host_organisation_id)
    uow.database.preferences[(host, Category.EXCHANGES, Channel.IN_APP)] = Frequency.OFF
    uow.database.preferences[(host, Category.EXCHANGES, Channel.EMAIL)] = Frequency.WEEKLY_DIGEST

    await consume(uow, exchange_requested(snapshot))

    [record] = records(uow, "ExchangeRequested")
    assert (record.channel, record.frequency) == (Channel.EMAIL, Frequency.WEEKLY_DIGEST)
    assert emails(uow, "ExchangeRequested") == []


async def test_an_erased_person_leaves_no_directory_entry_inbox_or_personal_field_in_their_mail() -> None:
    uow = FakeNotificationsUnitOfWork()
    snapshot = exchange_snapshot()
    host = await person(uow, organisation_id=snapshot.host_organisation_id)
    await consume(uow, exchange_requested(snapshot))

    await consume(uow, person_erased(host))

    assert host not in uow.database.recipients
    assert [n for n in uow.database.person_notifications.values() if n.person_id == host] == []
    rows = uow.database.email_deliveries.values()
    erased = [(e.person_id, e.to_address, e.context, e.status) for e in rows]
    # Their welcome and the request, never sent to an address that is gone.
    assert erased == [(None, "erased", {}, "failed")] * 2


async def test_a_removed_person_is_no_longer_told_as_a_member() -> None:
    uow = FakeNotificationsUnitOfWork()
    snapshot = exchange_snapshot()
    host = await person(uow, organisation_id=snapshot.host_organisation_id)

    await consume(
        uow,
        PersonRemoved(
            person_id=host, organisation_id=snapshot.host_organisation_id, removed_at=datetime.now(UTC)
        ),
    )
    await consume(uow, exchange_requested(snapshot))

    assert told(uow, "ExchangeRequested") == set()
    assert told(uow, "PersonRemoved") == {(host, Channel.EMAIL)}


async def test_a_person_who_joined_is_welcomed_and_their_organisations_admins_told_in_app() -> None:
    uow = FakeNotificationsUnitOfWork()
    organisation_id = uuid4()
    admin = await person(uow, role="organisation_admin", organisation_id=organisation_id)

    newcomer = await person(uow, organisation_id=organisation_id)

    assert told(uow, "PersonJoined") == {
        (admin, Channel.IN_APP),
        (admin, Channel.EMAIL),  # their own welcome, when they joined first
        (newcomer, Channel.IN_APP),
        (newcomer, Channel.EMAIL),
    }


async def test_a_person_is_not_told_of_what_happened_before_the_directory_knew_them() -> None:
    """So replaying old events finds the audience the first reading found, no one more."""
    uow = FakeNotificationsUnitOfWork()
    snapshot = exchange_snapshot()
    earlier = exchange_requested(snapshot)
    old_envelope = enveloped(earlier)
    host = await person(uow, organisation_id=snapshot.host_organisation_id)

    async with uow:
        await notify(uow, old_envelope, earlier)
        await uow.commit()

    assert uow.database.recipients[host].known_since > old_envelope.occurred_at
    assert told(uow, "ExchangeRequested") == set()


async def test_an_erased_persons_name_and_address_leave_what_their_colleagues_were_told() -> None:
    uow = FakeNotificationsUnitOfWork()
    organisation_id = uuid4()
    admin = await person(uow, role="organisation_admin", organisation_id=organisation_id)
    newcomer = await person(uow, organisation_id=organisation_id)
    address = uow.database.recipients[newcomer].email

    await consume(uow, person_erased(newcomer))

    admins = [n for n in records(uow, "PersonJoined") if n.person_id == admin and n.channel is Channel.IN_APP]
    # Their own welcome keeps its context; the news of the newcomer loses it.
    assert sorted(bool(n.context) for n in admins) == [False, True]
    kept = [*uow.database.person_notifications.values(), *uow.database.email_deliveries.values()]
    assert not any(address in str(item.context) for item in kept)
