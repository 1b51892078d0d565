"""Publishes outbox rows to Kafka in order, marks them sent, and never leaves one stuck.

At-least-once: a crash after the broker confirmed but before the rows were marked sends them
again, and consumers drop the duplicate by event id.
"""

import asyncio
import collections
import contextlib
import time

import asyncpg
import structlog
from prometheus_client import Counter

from cloth_shared.messaging.producer import OutgoingRecord, ResilientProducer
from cloth_shared.outbox.schema import OUTBOX_LANES

log = structlog.get_logger(__name__)

PUBLISHED = Counter("outbox_published_total", "Outbox rows published to Kafka", ["service"])
FAILURES = Counter("outbox_publish_failures_total", "Relay passes that failed", ["service"])

# Arbitrary but fixed: the first key of the advisory locks that give a relay one lane.
LANE_LOCK_NAMESPACE = 0x0C10
# The relay's seat: a session lock, held on the holder's listening connection for as long as it
# lives. One number past the lanes' (0..OUTBOX_LANES-1), in the same namespace.
SEAT = OUTBOX_LANES
TAKE_SEAT = "SELECT pg_try_advisory_lock($1, $2)"
# The seat's connection has PostgreSQL probe its client, so a holder whose machine vanished
# without closing the connection loses the seat in about half a minute, not the kernel's hours.
SEAT_KEEPALIVE = {"tcp_keepalives_idle": "15", "tcp_keepalives_interval": "5", "tcp_keepalives_count": "3"}

# The lanes that have rows to send and that no other replica is publishing, locked for the pass's
# transaction, in one statement. CASE puts the probe before the lock (the planner may reorder the
# terms of an AND), so a lane with nothing to send is left free. The probe is a correlated
# LIMIT 1, not EXISTS: the planner may turn EXISTS into a join that reads the whole index, which
# after a broker outage holds every row still to send.
LOCK_LANES_WITH_PENDING = f"""
SELECT coalesce(array_agg(l.lane), '{{}}') FROM generate_series(0, {OUTBOX_LANES - 1}) AS l (lane)
WHERE CASE
    WHEN (SELECT true FROM outbox o WHERE o.lane = l.lane AND o.published_at IS NULL LIMIT 1)
    THEN pg_try_advisory_xact_lock($1, l.lane)
    ELSE false
END
"""
# Each locked lane's oldest unsent rows, in order, at most $2 a lane (the index's order, lane by
# lane: a backlog is read a batch at a time, never sorted whole).
PENDING_IN_LANES = """
SELECT p.lane, p.id, p.topic, p.message_key, p.envelope, p.headers
FROM unnest($1::int[]) AS l (lane)
CROSS JOIN LATERAL (
    SELECT o.lane, o.id, o.topic, o.message_key, o.envelope::text AS envelope, o.headers
    FROM outbox o WHERE o.lane = l.lane AND o.published_at IS NULL ORDER BY o.id LIMIT $2
) AS p
"""
MARK_PUBLISHED = "UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])"
PURGE_PUBLISHED = "DELETE FROM outbox WHERE published_at < now() - make_interval(secs => $1)"


class OutboxRelay:
    def __init__(
        self,
        pool: asyncpg.Pool,
        producer: ResilientProducer,
        *,
        service: str,
        dsn: str,
        batch_size: int = 500,
        poll_interval: float = 1.0,
        standby_pass_seconds: float = 5.0,
        keep_published_seconds: float = 7 * 24 * 3600,
    ) -> None:
        self._pool = pool
        self._producer = producer
        self._service = service
        self._dsn = dsn
        self._batch_size = batch_size
        self._poll_interval = poll_interval
        self._standby_pass = standby_pass_seconds
        self._keep_published = keep_published_seconds
        self._wake = asyncio.Event()
        self._stopping = False

    async def publish_pending(self) -> int:
        """Passes until no lane this replica can lock has rows left; returns how many rows it
        published.

        A pass is one transaction over every lane with rows to send that this replica can lock:
        it reads their rows, sends them in one batch, and marks them sent. (A transaction per lane
        cost a wake-up that found events in four lanes twenty statements and four commits, where
        it now costs five statements and one commit: bench/README.md.)"""
        published = 0
        while True:
            sent, lane_left_behind = await self._publish_pass()
            published += sent
            if not lane_left_behind:
                return published

    async def _publish_pass(self) -> tuple[int, bool]:
        """(rows sent, whether a lane had more rows than a pass takes)."""
        async with self._pool.acquire() as connection, connection.transaction():
            lanes = await connection.fetchval(LOCK_LANES_WITH_PENDING, LANE_LOCK_NAMESPACE)
            if not lanes:
                return 0, False  # nothing to send, or other replicas are sending it
            rows = await connection.fetch(PENDING_IN_LANES, lanes, self._batch_size)
            if not rows:
                return 0, False  # sent by another replica between its probe and its lock
            # Lanes are independent (no key spans two); within the batch each lane's rows keep
            # their order, so each key's events leave in the order they were written.
            await self._producer.send_batch([_record(row) for row in rows])
            await connection.execute(MARK_PUBLISHED, [row["id"] for row in rows])
        PUBLISHED.labels(self._service).inc(len(rows))
        per_lane = collections.Counter(row["lane"] for row in rows)
        return len(rows), any(count == self._batch_size for count in per_lane.values())

    def stop(self) -> None:
        """Finish the pass under way, then return from `run` (no transaction is cut short)."""
        self._stopping = True
        self._wake.set()

    async def run(self) -> None:
        """Publish until stopped, if this replica holds the relay's seat; stand by if not.

        Every replica's relay used to wake on every commit that wrote events, and all but one
        found their lanes taken: with two workers, publishing cost each command twice the CPU it
        cost with one (bench/command_cpu.py). Now one relay per database holds the seat, a session
        lock on its listening connection: it publishes on every commit notification and on a
        timer. The others neither listen nor publish; they try for the seat on the timer and get
        it within `poll_interval` of its holder stopping or losing its connection. A standby still
        makes a pass every `standby_pass_seconds`, so events never wait longer than that on a
        holder that hangs with its connection open; the lane locks keep any two publishers apart.
        Without a connection of its own, a relay publishes on the timer, as before."""
        listener: asyncpg.Connection | None = None
        seated = False
        backoff = 0.1
        last_purge = 0.0
        last_pass = time.monotonic()  # a standby's first pass comes one interval after start
        self._stopping = False
        try:
            while not self._stopping:
                connected = await self._ensure_listener(listener)
                if connected is not listener:
                    listener, seated = connected, False
                if listener is not None and not seated:
                    seated = await self._take_seat(listener)
                standby_due = time.monotonic() - last_pass >= self._standby_pass
                if seated or listener is None or standby_due:
                    last_pass = time.monotonic()
                    try:
                        await self.publish_pending()
                        backoff = 0.1
                        if time.monotonic() - last_purge > 3600:
                            await self._pool.execute(PURGE_PUBLISHED, self._keep_published)
                            last_purge = time.monotonic()
                    except Exception as error:
                        FAILURES.labels(self._service).inc()
                        log.warning("outbox_relay_pass_failed", error=str(error), retry_in=backoff)
                        with contextlib.suppress(TimeoutError):
                            await asyncio.wait_for(self._wake.wait(), backoff)
                        backoff = min(backoff * 2, 5.0)
                        continue
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self._poll_interval)
                self._wake.clear()
        finally:
            if listener is not None:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(listener.close(), 2)

    async def _ensure_listener(self, listener: asyncpg.Connection | None) -> asyncpg.Connection | None:
        """The relay's own connection (for the seat and LISTEN); None while none can be opened."""
        if listener is not None and not listener.is_closed():
            return listener
        try:
            return await asyncpg.connect(self._dsn, timeout=5, server_settings=SEAT_KEEPALIVE)
        except Exception as error:
            log.info("outbox_listener_unavailable", error=str(error))
            return None

    async def _take_seat(self, listener: asyncpg.Connection) -> bool:
        """True once this relay holds the seat, then listening for commits."""
        try:
            if not await listener.fetchval(TAKE_SEAT, LANE_LOCK_NAMESPACE, SEAT):
                return False
            await listener.add_listener("outbox", lambda *_: self._wake.set())
        except Exception as error:
            log.info("outbox_seat_unavailable", error=str(error))
            return False
        log.info("outbox_relay_seated", service=self._service)
        return True


def _record(row: asyncpg.Record) -> OutgoingRecord:
    headers = [(name, str(value).encode()) for name, value in row["headers"].items()]
    headers.append(("content-type", b"application/json"))
    return OutgoingRecord(
        topic=row["topic"],
        key=row["message_key"].encode(),
        # Serialised by PostgreSQL: no decode/encode round trip in Python on the hot path. A
        # JSON null is a tombstone (outbox/tombstone.py): published as a null value.
        value=None if row["envelope"] == "null" else row["envelope"].encode(),
        headers=headers,
    )
