"""The fake and the PostgreSQL directory, inbox, e-mail rows and preferences keep the same promises."""

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from cloth_shared.outbox.writer import OutboxWriter
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork
from notifications.bootstrap import MIGRATIONS
from notifications.domain.email import EmailDelivery
from notifications.domain.inbox import InboxState, PersonNotification
from notifications.domain.preferences import Frequency, Preference
from notifications.domain.recipients import MemberOrganisation, Recipient, RecipientQuery
from notifications.domain.routing import Category, Channel
from notifications.service_layer.ports import NotificationsUnitOfWork

from ..unit.fakes import FakeNotificationsUnitOfWork

pytestmark = pytest.mark.integration

UnitOfWorkFactory = Callable[[], NotificationsUnitOfWork]
AT = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


@pytest.fixture(params=["fake", "postgres"])
async def new_uow(request: pytest.FixtureRequest, migrated_pool) -> UnitOfWorkFactory:  # type: ignore[no-untyped-def]
    if request.param == "fake":
        fake = FakeNotificationsUnitOfWork()
        return lambda: fake
    pool = await migrated_pool(MIGRATIONS)
    return lambda: PostgresNotificationsUnitOfWork(pool, OutboxWriter(producer="notifications"))


def record(
    person_id: UUID,
    *,
    channel: Channel = Channel.IN_APP,
    frequency: Frequency = Frequency.IMMEDIATE,
    event_id: UUID | None = None,
    at: datetime = AT,
) -> PersonNotification:
    return PersonNotification(
        id=uuid4(),
        person_id=person_id,
        event_id=event_id or uuid4(),
        event_type="ExchangeRequested",
        category=Category.EXCHANGES,
        channel=channel,
        frequency=frequency,
        title="Exchange requested",
        context={"event": {"n": 1}},
        created_at=at,
    )


def email_for(notification: PersonNotification) -> EmailDelivery:
    return EmailDelivery(
        id=uuid4(),
        notification_id=notification.id,
        person_id=notification.person_id,
        to_address="laia@example.org",
        language="ca",
        template=notification.event_type,
        context={"recipient_name": "Laia"},
        created_at=notification.created_at,
    )


async def test_a_record_is_kept_once_per_event_person_and_channel_with_growing_sequences(
    new_uow: UnitOfWorkFactory,
) -> None:
    me, event_id = uuid4(), uuid4()
    first = record(me, event_id=event_id)
    async with new_uow() as uow:
        added = [
            await uow.inbox.add(first),
            await uow.inbox.add(replace(first, id=uuid4())),  # the same key: a crash's second try
            await uow.inbox.add(record(me, event_id=event_id, channel=Channel.EMAIL)),
            await uow.inbox.add(record(me)),
        ]
        await uow.commit()
    async with new_uow() as uow:
        in_app = await uow.inbox.after(me, 0, limit=10)
        latest = await uow.inbox.latest_sequence(me)
    assert added == [True, False, True, True]
    assert [n.sequence for n in in_app] == sorted(n.sequence for n in in_app) and len(in_app) == 2
    assert in_app[0].id == first.id and latest >= in_app[-1].sequence


async def test_many_records_at_once_take_each_persons_sequences_in_the_order_given(
    new_uow: UnitOfWorkFactory,
) -> None:
    me, you = uuid4(), uuid4()
    async with new_uow() as uow:
        await uow.inbox.add(record(me))  # an earlier one: the run's numbers follow it
        await uow.commit()
    mine = [record(me, at=AT + timedelta(minutes=m)) for m in range(3)]
    yours = [record(you), record(you)]
    again = replace(mine[0], id=uuid4())  # the same (event, person, channel): not a second record
    by_mail = record(me, event_id=mine[1].event_id, channel=Channel.EMAIL)
    run = [mine[0], yours[0], mine[1], again, by_mail, yours[1], mine[2]]
    async with new_uow() as uow:
        added = await uow.inbox.add_all(run)
        await uow.email_deliveries.add_all([email_for(by_mail), email_for(by_mail)])
        await uow.commit()
    async with new_uow() as uow:
        my_in_app = await uow.inbox.after(me, 0, limit=10)
        your_in_app = await uow.inbox.after(you, 0, limit=10)
        my_mail = await uow.email_deliveries.for_person(me)
    assert added == {n.id for n in run} - {again.id}
    assert [n.id for n in my_in_app][1:] == [n.id for n in mine]
    assert [n.id for n in your_in_app] == [n.id for n in yours]
    sequences = [n.sequence for n in my_in_app]
    assert sequences == sorted(set(sequences))
    assert [m.notification_id for m in my_mail] == [by_mail.id]  # one row per notification


async def test_pages_states_marks_and_archives_are_per_person(new_uow: UnitOfWorkFactory) -> None:
    me, someone = uuid4(), uuid4()
    mine = [record(me, at=AT + timedelta(minutes=m)) for m in range(3)]
    async with new_uow() as uow:
        for n in [*mine, record(someone)]:
            await uow.inbox.add(n)
        await uow.commit()
    async with new_uow() as uow:
        assert await uow.inbox.mark_read(someone, mine[0].id, at=AT) == 0
        assert await uow.inbox.archive(someone, mine[0].id, at=AT) is False
        assert await uow.inbox.mark_read(me, mine[0].id, at=AT) == 1
        assert await uow.inbox.archive(me, mine[1].id, at=AT) is True
        await uow.commit()
    async with new_uow() as uow:
        newest = await uow.inbox.page(me, state=None, before=None, limit=1)
        older = await uow.inbox.page(me, state=None, before=newest[0].sequence, limit=5)
        unread = await uow.inbox.page(me, state=InboxState.UNREAD, before=None, limit=5)
        archived = await uow.inbox.page(me, state=InboxState.ARCHIVED, before=None, limit=5)
        count = await uow.inbox.unread_count(me)
        assert await uow.inbox.get(someone, mine[2].id) is None
    assert [n.id for n in newest + older] == [mine[2].id, mine[0].id]
    assert ([n.id for n in unread], [n.id for n in archived], count) == ([mine[2].id], [mine[1].id], 1)
    async with new_uow() as uow:
        assert await uow.inbox.mark_read(me, None, at=AT) == 1
        await uow.commit()


async def test_email_records_wait_for_their_digest_and_are_marked_once_carried(
    new_uow: UnitOfWorkFactory,
) -> None:
    me = uuid4()
    daily = [record(me, channel=Channel.EMAIL, frequency=Frequency.DAILY_DIGEST) for _ in range(2)]
    async with new_uow() as uow:
        for n in [*daily, record(me, channel=Channel.EMAIL, frequency=Frequency.WEEKLY_DIGEST)]:
            await uow.inbox.add(n)
        await uow.commit()
    async with new_uow() as uow:
        waiting = await uow.inbox.awaiting_digest(Frequency.DAILY_DIGEST)
        await uow.inbox.mark_digested([n.id for n in daily], uuid4())
        await uow.inbox.record_digest(me, Frequency.DAILY_DIGEST, at=AT)
        await uow.commit()
    async with new_uow() as uow:
        after = await uow.inbox.awaiting_digest(Frequency.DAILY_DIGEST)
        weekly = await uow.inbox.awaiting_digest(Frequency.WEEKLY_DIGEST)
        last = await uow.inbox.last_digests(Frequency.DAILY_DIGEST)
    assert sorted(n.id for n in waiting[me]) == sorted(n.id for n in daily)
    assert (after, len(weekly[me]), last) == ({}, 1, {me: AT})


async def test_one_email_per_notification_and_erasure_blanks_and_stops_them(
    new_uow: UnitOfWorkFactory,
) -> None:
    me = uuid4()
    note = record(me, channel=Channel.EMAIL)
    async with new_uow() as uow:
        await uow.inbox.add(note)
        await uow.email_deliveries.add(email_for(note))
        await uow.email_deliveries.add(email_for(note))
        await uow.commit()
    async with new_uow() as uow:
        [queued] = await uow.email_deliveries.for_person(me)
        await uow.email_deliveries.anonymise_for(me)
        await uow.inbox.forget(me)
        await uow.commit()
    async with new_uow() as uow:
        assert await uow.email_deliveries.for_person(me) == []
        assert await uow.inbox.after(me, 0, limit=5) == []
    assert (queued.status, queued.to_address) == ("pending", "laia@example.org")


async def test_the_directory_finds_people_by_organisation_cluster_and_role_and_keeps_its_own_fields(
    new_uow: UnitOfWorkFactory,
) -> None:
    organisation_id, cluster_id = uuid4(), uuid4()
    admin = Recipient(
        uuid4(), "Ana", "ana@example.org", "es", frozenset({"organisation_admin"}), organisation_id
    )
    member = replace(admin, person_id=uuid4(), roles=frozenset({"organisation_member"}), known_since=AT)
    manager = Recipient(
        uuid4(), "Ivo", "ivo@example.org", "bg", frozenset({"cluster_manager"}), None, cluster_id
    )
    async with new_uow() as uow:
        for person in (admin, member, manager):
            await uow.recipients.save(person)
        await uow.recipients.save(
            replace(member, email="new@example.org", known_since=AT + timedelta(days=1))
        )
        await uow.organisations.save(MemberOrganisation(organisation_id, cluster_id, "Teixits SL"))
        await uow.preferences.choose(
            Preference(admin.person_id, Category.EXCHANGES, Channel.EMAIL, Frequency.OFF)
        )
        await uow.commit()
    async with new_uow() as uow:
        people = await uow.recipients.find(RecipientQuery(organisation_id=organisation_id))
        admins = await uow.recipients.find(
            RecipientQuery(organisation_id=organisation_id, roles=frozenset({"organisation_admin"}))
        )
        managers = await uow.recipients.find(
            RecipientQuery(cluster_id=cluster_id, roles=frozenset({"cluster_manager"}))
        )
        queries = [
            RecipientQuery(organisation_id=organisation_id),
            RecipientQuery(cluster_id=cluster_id, roles=frozenset({"cluster_manager"})),
            RecipientQuery(roles=frozenset({"cluster_manager"})),
            RecipientQuery(person_id=member.person_id),
            RecipientQuery(person_id=admin.person_id, roles=frozenset({"cluster_manager"})),
        ]
        each = await uow.recipients.find_each(queries)
        alone = [await uow.recipients.find(query) for query in queries]
        known = await uow.organisations.known([organisation_id, uuid4()])
        chosen = await uow.preferences.chosen([admin.person_id, member.person_id])
        again = await uow.recipients.get(member.person_id)
        await uow.recipients.forget(admin.person_id)
        await uow.commit()
    async with new_uow() as uow:
        assert await uow.recipients.get(admin.person_id) is None
        assert await uow.preferences.chosen([admin.person_id]) == {}
    assert {p.person_id for p in people} == {admin.person_id, member.person_id}
    assert ([p.person_id for p in admins], [p.person_id for p in managers]) == (
        [admin.person_id],
        [manager.person_id],
    )
    assert each == dict(zip(queries, alone, strict=True))
    assert [len(found) for found in alone] == [2, 1, 1, 1, 0]
    assert known == [MemberOrganisation(organisation_id, cluster_id, "Teixits SL")]
    assert chosen == {admin.person_id: {(Category.EXCHANGES, Channel.EMAIL): Frequency.OFF}}
    assert again is not None and (again.email, again.known_since) == ("new@example.org", AT)


async def test_erasure_blanks_what_others_were_told_about_the_person_and_keeps_the_rest(
    new_uow: UnitOfWorkFactory,
) -> None:
    erased, colleague = uuid4(), uuid4()
    about_them = replace(record(colleague), context={"event": {"person_id": str(erased), "name": "Laia"}})
    about_others = record(colleague)
    mail_about_them = replace(email_for(about_them), context=about_them.context)
    async with new_uow() as uow:
        for n in (about_them, about_others, record(erased)):
            await uow.inbox.add(n)
        await uow.email_deliveries.add(mail_about_them)
        await uow.commit()
    async with new_uow() as uow:
        await uow.inbox.forget(erased)
        await uow.email_deliveries.anonymise_for(erased)
        await uow.commit()
    async with new_uow() as uow:
        kept = {n.id: n.context for n in await uow.inbox.after(colleague, 0, limit=5)}
        [mail] = await uow.email_deliveries.for_person(colleague)
    assert kept == {about_them.id: {}, about_others.id: about_others.context}
    # Unsent mail that named them is not sent without its context either (it could not render).
    assert (mail.context, mail.to_address, mail.status, mail.last_error) == (
        {},
        "laia@example.org",
        "failed",
        "the person it was about was erased",
    )
