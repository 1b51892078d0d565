"""Consumer row: SMEJoined events through the notifications service vs a raw aiokafka consumer.

Each event is a different organisation's SMEJoined (an organisation joins once), and each
organisation has one person in notifications' directory (seeded as membership's PersonJoined
would have left it), so every SMEJoined does what it does in
production: the organisation's home cluster is remembered, the routing table's audiences are
looked up (its people, its cluster's managers), preferences read, and the person gets an in-app
record (their sequence counter locked, their streams woken) and an e-mail record with its
delivery row.

The service is a black box: it runs as `make up` runs it (services.sh serve notifications) on a
fresh copy of the scaled database and a fresh topic prefix, and is measured by counting its
inbox rows (committed with each event's effects); at the end every person must hold exactly
one in-app record. The baseline (`python -m bench.consumer --baseline`) runs the same
statements — the batch's inbox rows in one statement, then the same use case (applied to the
batch's events together) on the service's own repositories, bound to a bare connection — in one
transaction per polled batch of as many records as the service polls, and
commits the batch's offsets after it: the ratio is what FastStream, the inbox and the unit of
work cost. Both sides: start the consumer, warm it up with a few events, then produce N events
onto 4 partitions and time until the N-th effect is visible.
"""

import argparse
import asyncio
import hashlib
import http.server
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any
from uuid import UUID, uuid4

import asyncpg
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import CommitFailedError, IllegalStateError

from bench import scale as scaling
from bench import sql_driver, wrk
from bench.common import (
    Measure,
    RunOptions,
    Server,
    bootstrap_servers,
    cloned_database,
    free_port,
    rss_mb,
    service_command,
    service_env,
    start_server,
    stop_server,
)
from bench.table import Row
from cloth_shared.auth.principal import Principal, Role
from cloth_shared.contracts import topics
from cloth_shared.contracts.envelope import EventEnvelope, wrap
from cloth_shared.contracts.membership import SMEJoined
from cloth_shared.db import create_pool
from cloth_shared.inbox.consumer import MAX_RUN
from cloth_shared.messaging.subscriptions import MAX_BATCH_RECORDS
from cloth_shared.messaging.topics_admin import ensure_topics
from cloth_shared.testing.examples import sme_joined
from membership.adapters.tokens import TokenIssuer, generate_private_key_pem
from notifications.adapters.directory import (
    PostgresOrganisationDirectory,
    PostgresPreferenceRepository,
    PostgresRecipientDirectory,
)
from notifications.adapters.directory_queries import SAVE_RECIPIENT
from notifications.adapters.email_deliveries import PostgresEmailDeliveryRepository
from notifications.adapters.person_inbox import PostgresPersonInbox
from notifications.adapters.routed_events import PostgresRoutedEventLog
from notifications.service_layer.recipients import remember_organisation_then_notify

CONSUMER_NAME = "notifications.membership"
# The inbox statement of cloth_shared.unit_of_work (copied: the service is measured as a black
# box): a polled batch's inbox rows in one statement, returning the ids seen for the first time.
RECORD_PROCESSED = """
INSERT INTO processed_events (consumer, event_id, event_type)
SELECT $1, batch.event_id, batch.event_type
FROM unnest($2::uuid[], $3::text[]) AS batch (event_id, event_type)
ON CONFLICT DO NOTHING
RETURNING event_id
"""
WARM_UP = 200
PARTITIONS = 4


def _payloads(organisations: list[UUID]) -> list[tuple[bytes, bytes]]:
    """One SMEJoined per organisation: an organisation joins once."""
    out = []
    for organisation in organisations:
        envelope = wrap(sme_joined(organisation_id=organisation), producer="bench", correlation_id="bench")
        out.append((envelope.subject_key.encode(), envelope.model_dump_json().encode()))
    return out


async def _produce(topic: str, records: list[tuple[bytes, bytes]]) -> None:
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap_servers(),
        acks="all",
        enable_idempotence=True,
        linger_ms=5,
        max_batch_size=512 * 1024,
    )
    await producer.start()
    try:
        futures = [await producer.send(topic, value, key=key) for key, value in records]
        await asyncio.gather(*futures)
    finally:
        await producer.stop()


def _person_of(organisation: UUID) -> UUID:
    return UUID(hex=hashlib.md5(f"bench-consumer-person-{organisation}".encode()).hexdigest())


async def _seed_people(connection: asyncpg.Connection, organisations: list[UUID]) -> None:
    """One admin per organisation in the directory, known since before the events."""
    known_since = datetime.now(UTC) - timedelta(days=1)
    await connection.executemany(
        SAVE_RECIPIENT,
        [
            (
                _person_of(o),
                f"Bench person {n}",
                f"bench-person-{n}@bench.example",
                "en",
                ["organisation_admin"],
                o,
                None,
                known_since,
            )
            for n, o in enumerate(organisations)
        ],
    )


async def _applied(connection: asyncpg.Connection) -> int:
    """Events whose effect committed: the inbox row is written in the effect's transaction (on
    both sides), and counting it stays cheap while the consumer works, where counting the
    in-app records of thousands of people would load the database being measured."""
    return int(
        await connection.fetchval("SELECT count(*) FROM processed_events WHERE consumer = $1", CONSUMER_NAME)
    )


async def _in_app_records(connection: asyncpg.Connection, organisations: list[UUID]) -> int:
    return int(
        await connection.fetchval(
            "SELECT count(*) FROM person_notifications WHERE channel = 'in_app' AND person_id = ANY($1)",
            [_person_of(o) for o in organisations],
        )
    )


async def _wait_for(connection: asyncpg.Connection, target: int, timeout: float) -> float:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if await _applied(connection) >= target:
            return time.perf_counter()
        await asyncio.sleep(0.05)
    raise TimeoutError(f"only {await _applied(connection)} of {target} events applied within {timeout} s")


async def _measure(
    url: str,
    topic: str,
    events: int,
    start: Callable[[], Awaitable[Server]],
    after: Callable[[Server], Awaitable[None]] | None = None,
) -> Measure:
    """Start the consumer, warm it up, then time N events to their effects; `after` runs before
    the consumer is stopped."""
    await ensure_topics(bootstrap_servers(), [topic], partitions=PARTITIONS, replication=1)
    organisations = [uuid4() for _ in range(WARM_UP + events)]
    warm, load = _payloads(organisations[:WARM_UP]), _payloads(organisations[WARM_UP:])
    server = await start()
    try:
        connection = await asyncpg.connect(url)
        try:
            await _seed_people(connection, organisations)
            already = await _applied(connection)  # the scaled database's own history
            await _produce(topic, warm)
            await _wait_for(connection, already + WARM_UP, timeout=120)
            started = time.perf_counter()
            await _produce(topic, load)
            produced = time.perf_counter() - started
            finished = await _wait_for(connection, already + WARM_UP + events, timeout=max(60, events / 20))
            records = await _in_app_records(connection, organisations)
            if records != WARM_UP + events:  # each event's effect: its organisation's person told once
                raise AssertionError(f"{records} in-app records for {WARM_UP + events} events")
            measure = Measure(events / (finished - started), note=f"produce took {produced:.1f} s")
        finally:
            await connection.close()
        if after is not None:
            await after(server)
        return measure
    finally:
        await stop_server(server)


class _JwksServer:
    """Serves a JWKS on loopback, standing in for membership's /.well-known/jwks.json."""

    def __init__(self, jwks: dict[str, Any]) -> None:
        body = json.dumps(jwks).encode()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_: Any) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/.well-known/jwks.json"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


async def measure_scale(options: RunOptions, scale: int, row: Row, rss: Row, inbox: Row) -> None:
    template = await scaling.ensure_template("notifications", scale, verbose=False)
    events = options.events

    async with cloned_database(template, f"notifications_base_x{scale}") as url:
        prefix = f"bench-{options.run_id}-{uuid4().hex[:6]}."
        topic = prefix + topics.MEMBERSHIP_ORGANISATIONS

        async def start_baseline() -> Server:
            command = [
                sys.executable,
                "-m",
                "bench.consumer",
                "--baseline",
                "--dsn",
                url,
                "--topic",
                topic,
                "--group",
                prefix + "baseline",
                "--processes",
                str(options.workers),
            ]
            server = await start_server("consumer-baseline", command, {}, 0, ready_path=None)
            try:
                await _all_processes_assigned(server, options.workers)
            except BaseException:
                await stop_server(server)
                raise
            return server

        row.baselines[scale] = await _measure(url, topic, events, start_baseline)

    # The in-app inbox read (GET /inbox) of the generated members over the scaled table, their
    # tokens verified through a JWKS URL as in production.
    issuer = TokenIssuer(generate_private_key_pem(), lifetime=timedelta(hours=2))
    recipients = [
        UUID(hex=hashlib.md5(f"cloth-scale-person-{n}".encode()).hexdigest()) for n in range(1, 201)
    ]
    tokens = [issuer.issue(Principal(p, frozenset({Role.ORGANISATION_MEMBER}))) for p in recipients]
    script = wrk.rotating_script("GET", ["/inbox?limit=20"] * len(tokens), tokens)
    jwks = _JwksServer(issuer.jwks)
    try:
        async with cloned_database(template, f"notifications_x{scale}") as url:
            # The e-mail sender is a job of its own (a deployment may run it in other processes):
            # off here, so the service does the baseline's work and its webhook fan-out besides.
            env = service_env(
                "notifications",
                url,
                options,
                NOTIFICATIONS_AUTH_JWKS_URL=jwks.url,
                NOTIFICATIONS_RUN_EMAIL_SENDER="false",
            )
            prefix = env["KAFKA_TOPIC_PREFIX"]
            port = free_port()

            async def start_service() -> Server:
                return await start_server("notifications", service_command("notifications", port), env, port)

            async def after(server: Server) -> None:
                target = server.url + "/inbox?limit=20"
                if not options.quick:
                    await asyncio.to_thread(
                        wrk.run, target, seconds=1, connections=options.connections, script=script
                    )
                inbox.measures[scale] = await asyncio.to_thread(
                    wrk.run, target, seconds=options.seconds, connections=options.connections, script=script
                )
                await asyncio.sleep(2)
                workers = server.pids()[1:] or server.pids()
                rss.measures[scale] = Measure(max(rss_mb(p) for p in workers))

            topic = prefix + topics.MEMBERSHIP_ORGANISATIONS
            row.measures[scale] = await _measure(url, topic, events, start_service, after)
            inbox.baselines[scale] = await asyncio.to_thread(
                sql_driver.run,
                url,
                "notifications",
                concurrency=options.connections,
                seconds=options.seconds,
                processes=options.workers,
                ids=recipients,
            )
    finally:
        jwks.close()


def rows() -> tuple[Row, Row, Row]:
    return (
        Row(
            "consumer",
            "notifications consumer: SMEJoined -> inbox + directory + in-app and e-mail records",
            unit="events/s",
            goal=">=1500/s, >=0.7x",
            baseline_name="raw aiokafka, same SQL (same repositories), 1 tx + 1 commit per batch",
            min_ratio=0.7,
            min_rate=1500,
        ),
        Row("memory", "notifications RSS per worker at rest (max)", unit="MB", goal="<=150MB"),
        Row(
            "notifications",
            "GET /inbox?limit=20 (token via JWKS)",
            goal="p99 100x<=2x 1x",
            baseline_name="same SQL via asyncpg",
        ),
    )


async def run(options: RunOptions) -> list[Row]:
    row, rss, inbox = rows()
    for scale in options.scales:
        await measure_scale(options, scale, row, rss, inbox)
    return [row, inbox, rss]


# --- the baseline consumer process --------------------------------------------------------------


async def baseline_consumer(dsn: str, topic: str, group: str) -> None:
    pool = await create_pool(dsn, min_size=1, max_size=2)  # the service's json codecs
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap_servers(),
        group_id=group,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    await consumer.start()
    consumer.subscribe([topic], listener=_ReportAssignments(consumer))
    try:
        while True:
            batches = await consumer.getmany(timeout_ms=200, max_records=MAX_BATCH_RECORDS)
            records = [r for partition in batches.values() for r in partition]
            if not records:
                continue
            async with pool.acquire() as connection, connection.transaction():
                envelopes = [Envelope.model_validate_json(record.value) for record in records]
                ids = [envelope.event_id for envelope in envelopes]
                types = [envelope.event_type for envelope in envelopes]
                rows = await connection.fetch(RECORD_PROCESSED, CONSUMER_NAME, ids, types)
                first = {row["event_id"] for row in rows}
                consumed = []
                for envelope in envelopes:
                    if envelope.event_id in first:
                        first.discard(envelope.event_id)
                        consumed.append((envelope, SMEJoined.model_validate(envelope.payload)))
                for start in range(0, len(consumed), MAX_RUN):  # the inbox's runs
                    run = consumed[start : start + MAX_RUN]
                    await remember_organisation_then_notify.apply(_repositories(connection), run)
            try:
                await consumer.commit(
                    {TopicPartition(tp.topic, tp.partition): rs[-1].offset + 1 for tp, rs in batches.items()}
                )
            except (CommitFailedError, IllegalStateError):
                # A rebalance took a partition away mid-batch: its new owner gets the records
                # again and the inbox rows, committed with the effects, make it skip them.
                continue
    finally:
        await consumer.stop()
        await pool.close()


Envelope = EventEnvelope[dict[str, Any]]
ASSIGNED = "baseline assigned"


class _ReportAssignments(ConsumerRebalanceListener):  # type: ignore[misc]
    """Tells the bench (through the log) how many partitions this process holds now."""

    def __init__(self, consumer: AIOKafkaConsumer) -> None:
        self._consumer = consumer

    async def on_partitions_revoked(self, revoked: Any) -> None:
        pass

    async def on_partitions_assigned(self, assigned: Any) -> None:
        # One write per line: the processes share the log.
        os.write(1, f"{ASSIGNED} {os.getpid()} {len(self._consumer.assignment())}\n".encode())


async def _all_processes_assigned(server: Server, processes: int, timeout: float = 60) -> None:
    """Wait until each baseline process holds partitions, so none joins (and rebalances the
    group) during the measured run, as the service's workers have all started before theirs."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        held: dict[str, int] = {}  # each process's latest report, by pid
        for line in server.logged().decode().splitlines():
            if line.startswith(ASSIGNED):
                _, _, pid, count = line.split()
                held[pid] = int(count)
        if len(held) >= processes and all(held.values()) and sum(held.values()) == PARTITIONS:
            return
        await asyncio.sleep(0.2)
    raise RuntimeError(f"baseline consumers not all assigned within {timeout} s; see {server.log}")


def _repositories(connection: asyncpg.Connection) -> Any:
    """The service's repositories on the batch's connection: the unit of work's SQL without it."""
    return SimpleNamespace(
        recipients=PostgresRecipientDirectory(connection),
        organisations=PostgresOrganisationDirectory(connection),
        inbox=PostgresPersonInbox(connection),
        email_deliveries=PostgresEmailDeliveryRepository(connection),
        preferences=PostgresPreferenceRepository(connection),
        routed_events=PostgresRoutedEventLog(connection),
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.consumer")
    parser.add_argument("--baseline", action="store_true", required=True)
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--group", required=True)
    parser.add_argument("--processes", type=int, default=1, help="as many as the service's workers")
    args = parser.parse_args()
    if args.processes == 1:
        _consume(args.dsn, args.topic, args.group)
        return
    # One group, several processes, as the service's workers share the partitions.
    spawn = multiprocessing.get_context("spawn")
    processes = [
        spawn.Process(target=_consume, args=(args.dsn, args.topic, args.group), daemon=True)
        for _ in range(args.processes)
    ]
    for process in processes:
        process.start()
    # Exiting terminates daemon processes; the bench stops this one with SIGTERM.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    for process in processes:
        process.join()


def _consume(dsn: str, topic: str, group: str) -> None:
    import uvloop  # as the services run (uvicorn --loop uvloop)

    uvloop.run(baseline_consumer(dsn, topic, group))


if __name__ == "__main__":
    main()
