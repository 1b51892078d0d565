"""The caller's own in-app inbox: list, count, mark read, archive. Nobody reads another's."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query

from cloth_shared.auth.fastapi import Caller
from cloth_shared.bodies import JsonRoute
from cloth_shared.openapi import problem_responses
from cloth_shared.pagination import Cursor, Limit
from notifications.domain.inbox import InboxState
from notifications.entrypoints.dependencies import UoW
from notifications.entrypoints.inbox_schemas import (
    InboxItem,
    InboxPagePublic,
    MarkedRead,
    UnreadCount,
    decode_cursor,
    encode_cursor,
)
from notifications.service_layer import person_inbox

router = APIRouter(route_class=JsonRoute, prefix="/inbox", tags=["inbox"])


@router.get(
    "",
    response_model=InboxPagePublic,
    summary="The caller's own notifications, newest first (follow `next_cursor`).",
    responses=problem_responses(401, 403, 422),
)
async def read_inbox(
    uow: UoW,
    caller: Caller,
    state: Annotated[InboxState | None, Query(description="Omit for unread and read (not archived).")] = None,
    cursor: Cursor = None,
    limit: Limit = 20,
) -> InboxPagePublic:
    before = decode_cursor(cursor) if cursor else None
    page = await person_inbox.read_own_inbox(uow, caller, state=state, before=before, limit=limit)
    next_cursor = encode_cursor(page.next_before) if page.next_before is not None else None
    return InboxPagePublic(
        items=[InboxItem.of(n) for n in page.items], unread=page.unread, next_cursor=next_cursor
    )


@router.get(
    "/unread-count",
    response_model=UnreadCount,
    summary="How many of the caller's notifications are unread.",
    responses=problem_responses(401, 403),
)
async def unread_count(uow: UoW, caller: Caller) -> UnreadCount:
    return UnreadCount(unread=await person_inbox.count_unread(uow, caller))


@router.post(
    "/read-all",
    response_model=MarkedRead,
    summary="Mark every unread notification of the caller's read.",
    responses=problem_responses(401, 403),
)
async def mark_all_read(uow: UoW, caller: Caller) -> MarkedRead:
    return MarkedRead(marked=await person_inbox.mark_all_read(uow, caller))


@router.post(
    "/{notification_id}/read",
    response_model=InboxItem,
    summary="Mark one of the caller's notifications read.",
    responses=problem_responses(401, 403, 404, 422),
)
async def mark_read(notification_id: UUID, uow: UoW, caller: Caller) -> InboxItem:
    return InboxItem.of(await person_inbox.mark_read(uow, caller, notification_id))


@router.post(
    "/{notification_id}/archive",
    response_model=InboxItem,
    summary="Archive one of the caller's notifications (it leaves the default list).",
    responses=problem_responses(401, 403, 404, 422),
)
async def archive(notification_id: UUID, uow: UoW, caller: Caller) -> InboxItem:
    return InboxItem.of(await person_inbox.archive(uow, caller, notification_id))
