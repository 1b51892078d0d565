"""Reading an organisation's in-app inbox."""

from uuid import UUID

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import InvalidInput
from notifications.domain.access import check_may_read_inbox
from notifications.domain.notifications import Notification
from notifications.service_layer.ports import NotificationsUnitOfWork


async def read_inbox(
    uow: NotificationsUnitOfWork, caller: Principal, organisation_id: UUID | None, *, limit: int, offset: int
) -> list[Notification]:
    """Newest first; without an organisation id, the caller's own organisation."""
    target = organisation_id or caller.organisation_id
    if target is None:
        raise InvalidInput("say which organisation's notifications to read", field="organisation_id")
    check_may_read_inbox(caller, target)
    async with uow:
        return await uow.notifications.for_organisation(target, limit=limit, offset=offset)
