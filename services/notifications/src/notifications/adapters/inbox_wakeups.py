"""Wakes open inbox streams when a person's record commits, whichever process wrote it.

Writers `NOTIFY inbox, '<person id>'` in the record's transaction (PostgreSQL delivers it on
commit, to every listening process). Each process holds one LISTEN connection while it has
open streams and none otherwise, so nothing needs closing at shutdown. A stream still reads
the table itself: a wake-up only says when to look, so a lost one costs a poll interval.
"""

import asyncio
import contextlib
from collections.abc import AsyncIterator
from uuid import UUID

import asyncpg
import structlog

CHANNEL = "inbox"

log = structlog.get_logger(__name__)


class InboxWakeups:
    def __init__(self, dsn: str) -> None:
        self._dsn = dsn
        self._connection: asyncpg.Connection | None = None
        self._waiting: dict[UUID, set[asyncio.Event]] = {}
        self._lock = asyncio.Lock()

    @contextlib.asynccontextmanager
    async def watching(self, person_id: UUID) -> AsyncIterator[asyncio.Event]:
        """An event set each time a record of the person's commits, while the block runs."""
        woken = asyncio.Event()
        async with self._lock:
            await self._listen()
            self._waiting.setdefault(person_id, set()).add(woken)
        try:
            yield woken
        finally:
            async with self._lock:
                waiting = self._waiting.get(person_id, set())
                waiting.discard(woken)
                if not waiting:
                    self._waiting.pop(person_id, None)
                if not self._waiting:
                    await self._close()

    async def _listen(self) -> None:
        if self._connection is not None and not self._connection.is_closed():
            return
        try:
            self._connection = await asyncpg.connect(self._dsn)
            await self._connection.add_listener(CHANNEL, self._on_notify)
        except (OSError, asyncpg.PostgresError) as error:  # streams fall back to polling
            log.warning("inbox_listen_failed", error=repr(error))
            self._connection = None

    async def _close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):
                await connection.close(timeout=2)

    def _on_notify(self, connection: object, pid: int, channel: str, payload: str) -> None:
        with contextlib.suppress(ValueError):
            for woken in self._waiting.get(UUID(payload), ()):
                woken.set()
