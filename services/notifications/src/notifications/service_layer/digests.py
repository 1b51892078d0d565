"""Sending due digests: one e-mail per person and frequency with what collected since the last."""

from collections.abc import Callable
from datetime import datetime

from notifications.domain.digests import DigestDue, digest_email, digested_ids, is_due
from notifications.domain.preferences import DIGESTS
from notifications.service_layer.ports import NotificationsUnitOfWork

Clock = Callable[[], datetime]


async def send_due_digests(uow: NotificationsUnitOfWork, clock: Clock, *, hour: int) -> int:
    """Queue every digest whose local `hour` has come; how many. Run it as often as you like:
    the items a digest carries are marked in its transaction, so none goes twice."""
    now = clock()
    queued = 0
    async with uow:
        for frequency in sorted(DIGESTS):
            waiting = await uow.inbox.awaiting_digest(frequency)
            last = await uow.inbox.last_digests(frequency)
            for person_id, items in waiting.items():
                recipient = await uow.recipients.get(person_id)
                if recipient is None:
                    continue
                due = DigestDue(recipient, frequency, items, last.get(person_id))
                if not is_due(due, now, hour=hour):
                    continue
                email = digest_email(due, now)
                await uow.email_deliveries.add(email)
                await uow.inbox.mark_digested(digested_ids(due), email.id)
                await uow.inbox.record_digest(person_id, frequency, at=now)
                queued += 1
        await uow.commit()
    return queued
