"""Storing records wakes the open streams of whoever got a new in-app record, on commit, once."""

import asyncio
from uuid import uuid4

import asyncpg
import pytest

from cloth_shared.outbox.writer import OutboxWriter
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork
from notifications.bootstrap import MIGRATIONS
from notifications.domain.inbox import PersonNotification
from notifications.domain.routing import Channel

from .test_inbox_repository_contract import record

pytestmark = pytest.mark.integration
QUIET = 0.3  # seconds a listener waits to be sure nothing more arrives


async def stored(pool: asyncpg.Pool, notifications: list[PersonNotification], *, commit: bool = True) -> None:
    async with PostgresNotificationsUnitOfWork(pool, OutboxWriter(producer="notifications")) as uow:
        await uow.inbox.add_all(notifications)
        if commit:
            await uow.commit()


async def test_new_in_app_records_wake_their_people_on_commit_and_nothing_else_does(
    migrated_pool,  # type: ignore[no-untyped-def]
) -> None:
    pool: asyncpg.Pool = await migrated_pool(MIGRATIONS)
    woken: asyncio.Queue[str] = asyncio.Queue()

    def on_notify(_connection: object, _pid: int, _channel: str, person: str) -> None:
        woken.put_nowait(person)

    async with pool.acquire() as listener:
        await listener.add_listener("inbox", on_notify)
        anna, ben, carla = uuid4(), uuid4(), uuid4()
        first = record(anna)

        await stored(pool, [first, record(anna), record(ben, channel=Channel.EMAIL)])
        assert await asyncio.wait_for(woken.get(), 5) == str(anna)

        await stored(pool, [first])  # the same (event, person, channel): not stored again
        await stored(pool, [record(carla)], commit=False)  # rolled back
        await asyncio.sleep(QUIET)
        assert woken.empty()  # anna once for two records; ben has no in-app record

        await stored(pool, [record(carla)])
        assert await asyncio.wait_for(woken.get(), 5) == str(carla)
        await listener.remove_listener("inbox", on_notify)
