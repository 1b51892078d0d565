"""The caller's inbox live, as Server-Sent Events, resumable with `Last-Event-ID`.

The SSE id is the person's sequence, which grows in commit order (see the 0004 migration), and
the stream reads new records from the table when a commit wakes it (PostgreSQL NOTIFY, see
adapters/inbox_wakeups.py) or a poll interval passed: whichever process or replica serves the
reconnect, `Last-Event-ID: N` replays exactly what was committed after N.
"""

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Header
from pydantic import WithJsonSchema
from sse_starlette import EventSourceResponse, ServerSentEvent

from cloth_shared.auth.fastapi import Caller
from cloth_shared.bodies import JsonRoute
from cloth_shared.openapi import problem_responses
from cloth_shared.service import Infrastructure, component_dependency, infrastructure
from notifications.adapters.inbox_wakeups import InboxWakeups
from notifications.config import NotificationsSettings
from notifications.domain.access import check_has_inbox
from notifications.entrypoints.dependencies import UoW
from notifications.entrypoints.inbox_schemas import InboxItem
from notifications.service_layer.person_inbox import missed_since
from notifications.service_layer.ports import NotificationsUnitOfWork

router = APIRouter(route_class=JsonRoute, tags=["inbox"])

PING_SECONDS = 15
_EXAMPLE = (
    "id: 42\nevent: notification\n"
    'data: {"id": "6f1c9a7e-…", "sequence": 42, "event_type": "ExchangeRequested", …}\n\n'
)


async def _poll_seconds(infra: Annotated[Infrastructure, Depends(infrastructure)]) -> float:
    settings = infra.settings
    return settings.stream_poll_seconds if isinstance(settings, NotificationsSettings) else 5.0


Wakeups = Annotated[InboxWakeups, Depends(component_dependency(InboxWakeups))]


async def _events(
    uow: NotificationsUnitOfWork,
    wakeups: InboxWakeups,
    person_id: UUID,
    position: int | None,
    poll_seconds: float,
) -> AsyncIterator[ServerSentEvent]:
    async with wakeups.watching(person_id) as woken:
        while True:
            woken.clear()  # before reading: a commit after the read wakes the next wait
            found, position = await missed_since(uow, person_id, position)
            for notification in found:
                item = InboxItem.of(notification)
                yield ServerSentEvent(
                    data=item.model_dump_json(), id=str(item.sequence), event="notification"
                )
            if not found:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(woken.wait(), poll_seconds)


@router.get(
    "/inbox/stream",
    summary="The caller's new notifications as they arrive (Server-Sent Events; resume with Last-Event-ID).",
    response_class=EventSourceResponse,
    responses={
        200: {
            "description": "An endless `text/event-stream`: one `notification` event per new in-app "
            "notification, its id the notification's `sequence`; comment pings every 15 s.",
            "content": {"text/event-stream": {"schema": {"type": "string"}, "example": _EXAMPLE}},
        },
        **problem_responses(401, 403, 422),
    },
)
async def stream(
    uow: UoW,
    caller: Caller,
    wakeups: Wakeups,
    poll_seconds: Annotated[float, Depends(_poll_seconds)],
    last_event_id: Annotated[
        int | None,
        # A header is sent or not: "integer or null" would have clients send the text `null`.
        WithJsonSchema({"type": "integer", "minimum": 0}),
        Header(
            alias="Last-Event-ID",
            ge=0,
            description="The last `sequence` received: what was committed after it is sent first.",
        ),
    ] = None,
) -> EventSourceResponse:
    check_has_inbox(caller)
    events = _events(uow, wakeups, caller.subject, last_event_id, poll_seconds)
    return EventSourceResponse(events, ping=PING_SECONDS)
