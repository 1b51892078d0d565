"""A person's own inbox: states, counts, pages, and nobody else's."""

from uuid import UUID, uuid4

import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.errors import NotAllowed, NotFound
from notifications.domain.inbox import InboxState
from notifications.service_layer import person_inbox

from .consuming import consume, person
from .exchange_examples import exchange_requested, exchange_snapshot
from .fakes import FakeNotificationsUnitOfWork


def as_person(person_id: UUID, *roles: Role) -> Principal:
    return Principal(person_id, frozenset(roles or {Role.ORGANISATION_MEMBER}))


async def page_of(
    uow: FakeNotificationsUnitOfWork,
    caller: Principal,
    *,
    state: InboxState | None = None,
    before: int | None = None,
    limit: int = 10,
) -> person_inbox.InboxPage:
    return await person_inbox.read_own_inbox(uow, caller, state=state, before=before, limit=limit)


async def inbox_with(count: int) -> tuple[FakeNotificationsUnitOfWork, UUID]:
    """A person with their welcome (PersonJoined) and `count` exchange requests in their inbox."""
    uow = FakeNotificationsUnitOfWork()
    host = uuid4()
    me = await person(uow, organisation_id=host)
    for _ in range(count):
        await consume(uow, exchange_requested(exchange_snapshot(host=host)))
    return uow, me


async def test_a_person_reads_their_notifications_newest_first_in_cursor_pages() -> None:
    uow, me = await inbox_with(4)

    first = await person_inbox.read_own_inbox(uow, as_person(me), state=None, before=None, limit=2)
    second = await person_inbox.read_own_inbox(
        uow, as_person(me), state=None, before=first.next_before, limit=2
    )
    last = await person_inbox.read_own_inbox(
        uow, as_person(me), state=None, before=second.next_before, limit=2
    )

    sequences = [n.sequence for page in (first, second, last) for n in page.items]
    assert sequences == sorted(sequences, reverse=True) and len(set(sequences)) == 5
    assert (first.unread, last.next_before) == (5, None)
    assert last.items[-1].event_type == "PersonJoined"


async def test_marking_one_read_then_all_read_empties_the_unread_count() -> None:
    uow, me = await inbox_with(2)
    caller = as_person(me)
    page = await person_inbox.read_own_inbox(uow, caller, state=None, before=None, limit=10)

    marked = await person_inbox.mark_read(uow, caller, page.items[0].id)

    assert marked.state is InboxState.READ
    assert await person_inbox.count_unread(uow, caller) == 2
    assert await person_inbox.mark_all_read(uow, caller) == 2
    assert await person_inbox.count_unread(uow, caller) == 0


async def test_an_archived_notification_leaves_the_default_list_and_is_listed_as_archived() -> None:
    uow, me = await inbox_with(1)
    caller = as_person(me)
    page = await person_inbox.read_own_inbox(uow, caller, state=None, before=None, limit=10)

    await person_inbox.archive(uow, caller, page.items[0].id)

    default = await person_inbox.read_own_inbox(uow, caller, state=None, before=None, limit=10)
    archived = await person_inbox.read_own_inbox(
        uow, caller, state=InboxState.ARCHIVED, before=None, limit=10
    )
    unread = await person_inbox.read_own_inbox(uow, caller, state=InboxState.UNREAD, before=None, limit=10)
    assert [n.id for n in archived.items] == [page.items[0].id]
    assert [n.id for n in default.items] == [n.id for n in unread.items] == [page.items[1].id]


async def test_nobody_reads_marks_or_archives_someone_elses_notification_not_even_an_administrator() -> None:
    uow, me = await inbox_with(0)
    [mine] = (await person_inbox.read_own_inbox(uow, as_person(me), state=None, before=None, limit=5)).items
    admin = as_person(uuid4(), Role.PLATFORM_ADMIN)

    assert (await person_inbox.read_own_inbox(uow, admin, state=None, before=None, limit=5)).items == []
    with pytest.raises(NotFound):
        await person_inbox.mark_read(uow, admin, mine.id)
    with pytest.raises(NotFound):
        await person_inbox.archive(uow, as_person(uuid4()), mine.id)
    assert await person_inbox.count_unread(uow, as_person(me)) == 1


async def test_a_partner_client_has_no_inbox() -> None:
    with pytest.raises(NotAllowed):
        await person_inbox.count_unread(
            FakeNotificationsUnitOfWork(), as_person(uuid4(), Role.PARTNER_CLIENT)
        )


async def test_the_stream_resumes_after_the_last_sequence_it_sent() -> None:
    uow, me = await inbox_with(2)
    _, now = await person_inbox.missed_since(uow, me, None)
    await consume(
        uow, exchange_requested(exchange_snapshot(host=uow.database.recipients[me].organisation_id))
    )

    missed, position = await person_inbox.missed_since(uow, me, now)

    assert [n.sequence for n in missed] == [position] and position > now
    assert (await person_inbox.missed_since(uow, me, position))[0] == []
