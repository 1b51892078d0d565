"""A person's own in-app inbox: read, count, mark read, archive. Nobody reads another's."""

from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotFound
from notifications.domain.access import check_has_inbox
from notifications.domain.inbox import InboxState, PersonNotification
from notifications.service_layer.ports import NotificationsUnitOfWork


@dataclass(frozen=True, slots=True)
class InboxPage:
    items: list[PersonNotification]
    unread: int
    # The sequence to pass as `before` for the next page; None on the last page.
    next_before: int | None


async def read_own_inbox(
    uow: NotificationsUnitOfWork,
    caller: Principal,
    *,
    state: InboxState | None,
    before: int | None,
    limit: int,
) -> InboxPage:
    """The caller's records, newest first, with their unread count."""
    check_has_inbox(caller)
    async with uow.reading():
        items = await uow.inbox.page(caller.subject, state=state, before=before, limit=limit + 1)
        unread = await uow.inbox.unread_count(caller.subject)
    more = len(items) > limit
    items = items[:limit]
    return InboxPage(items, unread, items[-1].sequence if more else None)


async def count_unread(uow: NotificationsUnitOfWork, caller: Principal) -> int:
    check_has_inbox(caller)
    async with uow.reading():
        return await uow.inbox.unread_count(caller.subject)


async def mark_read(
    uow: NotificationsUnitOfWork, caller: Principal, notification_id: UUID, *, at: datetime | None = None
) -> PersonNotification:
    """Mark one of the caller's notifications read (again is harmless)."""
    check_has_inbox(caller)
    async with uow:
        if await uow.inbox.get(caller.subject, notification_id) is None:
            raise NotFound("no such notification in your inbox", code="notification-not-found")
        await uow.inbox.mark_read(caller.subject, notification_id, at=at or datetime.now(UTC))
        found = await uow.inbox.get(caller.subject, notification_id)
        await uow.commit()
    assert found is not None
    return found


async def mark_all_read(
    uow: NotificationsUnitOfWork, caller: Principal, *, at: datetime | None = None
) -> int:
    """Every unread notification of the caller's becomes read; how many did."""
    check_has_inbox(caller)
    async with uow:
        changed = await uow.inbox.mark_read(caller.subject, None, at=at or datetime.now(UTC))
        await uow.commit()
    return changed


async def archive(
    uow: NotificationsUnitOfWork, caller: Principal, notification_id: UUID, *, at: datetime | None = None
) -> PersonNotification:
    """Move one of the caller's notifications out of the inbox list (archived counts as read)."""
    check_has_inbox(caller)
    async with uow:
        if not await uow.inbox.archive(caller.subject, notification_id, at=at or datetime.now(UTC)):
            raise NotFound("no such notification in your inbox", code="notification-not-found")
        found = await uow.inbox.get(caller.subject, notification_id)
        await uow.commit()
    assert found is not None
    return found


async def missed_since(
    uow: NotificationsUnitOfWork, person_id: UUID, sequence: int | None, *, limit: int = 100
) -> tuple[list[PersonNotification], int]:
    """For the live stream: records above `sequence` (None: from now on), and the new position."""
    async with uow.reading():
        if sequence is None:
            return [], await uow.inbox.latest_sequence(person_id)
        found = await uow.inbox.after(person_id, sequence, limit=limit)
    return found, (found[-1].sequence if found else sequence)
