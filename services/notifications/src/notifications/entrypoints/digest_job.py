"""Queue every due digest once: `python -m notifications.entrypoints.digest_job`, from a scheduler.

Idempotent (the items a digest carries are marked in its transaction), so running it every
few minutes costs a query and never sends twice; the e-mail sender drains what it queued.
"""

import asyncio
from datetime import UTC, datetime

import structlog

from cloth_shared.db import create_pool
from cloth_shared.outbox.writer import OutboxWriter
from cloth_shared.settings import load_settings
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork
from notifications.config import NotificationsSettings
from notifications.service_layer.digests import send_due_digests


async def run_once(settings: NotificationsSettings) -> int:
    pool = await create_pool(str(settings.database_url), min_size=1, max_size=2)
    try:
        uow = PostgresNotificationsUnitOfWork(pool, OutboxWriter(producer=settings.service_name))
        return await send_due_digests(uow, lambda: datetime.now(UTC), hour=settings.digest_hour)
    finally:
        await pool.close()


if __name__ == "__main__":
    queued = asyncio.run(run_once(load_settings(NotificationsSettings)))
    structlog.get_logger(__name__).info("digests_queued", count=queued)
