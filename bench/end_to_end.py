"""End-to-end row: a command's 2xx → the notification on its recipient's live stream.

membership and notifications run as `make up` runs them (services.sh serve), each on a fresh
copy of its 1x template, sharing one fresh topic prefix. The command is PATCH
/organisations/{id} by the organisation's admin: membership commits the profile and an
OrganisationProfileUpdated outbox row, the relay publishes it, notifications' inbox applies it
and tells the organisation's admins in the app (routing table), and the admin's open
`GET /inbox/stream` receives it. The notifications directory is seeded with those admins, as
membership's people events would have left it.

First the command's maximum rate is measured (wrk, closed loop, as the PATCH row); then one SSE
stream per admin is opened and PATCHes are sent open-loop at half that rate, each with a
description of its own, which the streamed notification carries back: latency = stream arrival
minus 2xx arrival, both on this process's clock. The baseline, in the same run at the same rate:
one Kafka hop, an aiokafka producer (the relay's producer settings) to a consumer of a fresh
topic on this machine. Afterwards, where the time went: per event, the command's transaction,
the relay's pass and the consumer's transaction start (PostgreSQL `now()`), against the 2xx and
the SSE arrival (wall clock, same machine). The bench's own client is aiohttp: the load client
shares the two cores it measures, and httpx took ~1.3 ms of CPU a request (~2.4 ms without
sniffio installed, see services/notifications/pyproject.toml), about half of a core at this rate.
"""

import asyncio
import contextlib
import json
import os
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import aiohttp
import asyncpg
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from bench import scale as scaling
from bench import wrk
from bench.common import (
    CpuUse,
    Measure,
    RunOptions,
    Server,
    bootstrap_servers,
    cloned_database,
    free_port,
    percentile,
    pids_running,
    service_command,
    service_env,
    start_server,
    stop_server,
)
from bench.exchange_api import public_key_pem
from bench.membership_api import PATCH_BODY, generated_members
from bench.table import Row
from cloth_shared.auth.principal import Principal, Role
from cloth_shared.messaging.topics_admin import ensure_topics
from membership.adapters.tokens import TokenIssuer, generate_private_key_pem
from notifications.adapters.directory_queries import SAVE_RECIPIENT

ADMINS = 50  # organisations (one admin each, one open stream each) the commands are spread over
EVENT = "OrganisationProfileUpdated"
HOP_PARTITIONS = 4
# Enough commands for a p99 worth printing, however slow the command is on the day.
MIN_SAMPLES, MIN_SAMPLES_QUICK = 300, 50


def rows() -> tuple[Row, Row]:
    return (
        Row(
            "e2e",
            "PATCH /organisations/{id} 2xx -> notification on the admin's SSE stream, at 1/2 max rate",
            goal="p50<=50ms, p99<=250ms",
            baseline_name="one Kafka hop: aiokafka produce -> consume, same rate",
            max_p50_ms=50,
            max_p99_ms=250,
            ratio_of="p50",
        ),
        Row("e2e", "PATCH /organisations/{id} maximum rate (wrk, closed loop)", goal="reported"),
    )


async def _promote(url: str, people: list[UUID]) -> None:
    """The generated members become their organisations' admins (the audience of the event)."""
    connection = await asyncpg.connect(url)
    try:
        await connection.execute(
            "UPDATE people SET role = 'organisation_admin' WHERE id = ANY($1::uuid[])", people
        )
    finally:
        await connection.close()


async def _seed_directory(url: str, admins: list[tuple[UUID, UUID]]) -> None:
    """What membership's PersonJoined events would have left in notifications' directory."""
    known_since = datetime.now(UTC) - timedelta(days=1)
    connection = await asyncpg.connect(url)
    try:
        await connection.executemany(
            SAVE_RECIPIENT,
            [
                (
                    person,
                    f"Bench admin {n}",
                    f"bench-admin-{n}@bench.example",
                    "en",
                    ["organisation_admin"],
                    organisation,
                    None,
                    known_since,
                )
                for n, (organisation, person) in enumerate(admins)
            ],
        )
    finally:
        await connection.close()


async def _count(url: str, query: str) -> int:
    connection = await asyncpg.connect(url)
    try:
        return int(await connection.fetchval(query))
    finally:
        await connection.close()


async def _consumed_everything(membership_url: str, notifications_url: str, timeout: float = 120) -> None:
    """Every profile update membership committed has been applied by notifications."""
    produced = f"SELECT count(*) FROM outbox WHERE event_type = '{EVENT}'"
    consumed = f"SELECT count(*) FROM processed_events WHERE event_type = '{EVENT}'"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await _count(notifications_url, consumed) >= await _count(membership_url, produced):
            return
        await asyncio.sleep(0.5)
    raise TimeoutError("notifications did not catch up with membership's profile updates")


class Streams:
    """One open `GET /inbox/stream` per admin; when each update's notification arrived, by
    the description its PATCH set."""

    def __init__(self, url: str, tokens: list[str]) -> None:
        self._session = aiohttp.ClientSession(
            base_url=url,
            timeout=aiohttp.ClientTimeout(sock_connect=10),
            connector=aiohttp.TCPConnector(limit=0),
        )
        self._tokens = tokens
        self.arrived: dict[str, float] = {}
        self._tasks: list[asyncio.Task[None]] = []

    async def open(self) -> None:
        opened = [asyncio.Event() for _ in self._tokens]
        self._tasks = [
            asyncio.create_task(self._follow(token, ready))
            for token, ready in zip(self._tokens, opened, strict=True)
        ]
        async with asyncio.timeout(60):
            await asyncio.gather(*(ready.wait() for ready in opened))

    async def _follow(self, token: str, ready: asyncio.Event) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        async with self._session.get("/inbox/stream", headers=headers) as response:
            response.raise_for_status()
            ready.set()
            async for line in response.content:
                if not line.startswith(b"data:"):
                    continue
                item = json.loads(line[5:])
                if item["event_type"] == EVENT:
                    description = item["context"]["event"]["organisation"]["description"]
                    self.arrived.setdefault(description, time.perf_counter())

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._session.close()


async def _drive(
    url: str, paths: list[str], tokens: list[str], rate: float, count: int, label: str
) -> tuple[dict[str, float], int]:
    """`count` PATCHes sent open-loop at `rate`: when each 2xx arrived, by description."""
    done: dict[str, float] = {}
    errors = 0
    connector = aiohttp.TCPConnector(limit=64)
    async with aiohttp.ClientSession(
        base_url=url, connector=connector, timeout=aiohttp.ClientTimeout(total=30)
    ) as session:

        async def one(n: int) -> None:
            nonlocal errors
            description = f"{label} {n}"
            k = n % len(paths)
            headers = {"Authorization": f"Bearer {tokens[k]}", "Content-Type": "application/json"}
            body = PATCH_BODY.replace("bench run %d", description)
            try:
                async with session.patch(paths[k], data=body, headers=headers) as answer:
                    await answer.read()
                    ok = answer.ok
            except (aiohttp.ClientError, TimeoutError):  # a dropped connection is a failed command
                errors += 1
                return
            if ok:
                done[description] = time.perf_counter()
            else:
                errors += 1

        tasks = []
        started = time.perf_counter()
        for n in range(count):
            delay = started + n / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(n)))
        await asyncio.gather(*tasks)
    return done, errors


async def _arrivals(streams: Streams, expected: dict[str, float], timeout: float = 60) -> None:
    """Until every command's notification arrived, or the timeout (the missing count as errors)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not expected.keys() <= streams.arrived.keys():  # noqa: ASYNC110
        await asyncio.sleep(0.1)


async def kafka_hop(rate: float, total: int, prefix: str) -> Measure:
    """`total` produce → consume hops on a fresh topic at `rate`: send call to the consumer's hand."""
    topic = f"{prefix}bench.e2e-hop"
    await ensure_topics(bootstrap_servers(), [topic], partitions=HOP_PARTITIONS, replication=1)
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap_servers(), acks="all", enable_idempotence=True, linger_ms=2
    )
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap_servers(), enable_auto_commit=False)
    await producer.start()
    await consumer.start()
    sent: dict[int, float] = {}
    received: dict[int, float] = {}
    try:
        partitions = [TopicPartition(topic, p) for p in range(HOP_PARTITIONS)]
        consumer.assign(partitions)
        await consumer.seek_to_end(*partitions)

        async def consume() -> None:
            while len(received) < total:
                batches = await consumer.getmany(timeout_ms=100)
                now = time.perf_counter()
                for records in batches.values():
                    for record in records:
                        received.setdefault(int(record.value), now)

        consuming = asyncio.create_task(consume())
        await asyncio.sleep(0.5)  # the consumer's first fetch is in flight
        pending = []
        started = time.perf_counter()
        for n in range(total):
            delay = started + n / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            sent[n] = time.perf_counter()
            pending.append(await producer.send(topic, str(n).encode(), key=str(n % ADMINS).encode()))
        await asyncio.gather(*pending)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(consuming), 30)
        elapsed = time.perf_counter() - started
        consuming.cancel()
        await asyncio.gather(consuming, return_exceptions=True)
    finally:
        await producer.stop()
        await consumer.stop()
    latencies = [(received[n] - sent[n]) * 1000 for n in sent if n in received]
    return Measure.from_latencies(len(latencies), elapsed, latencies, errors=total - len(latencies))


async def _where_the_time_went(
    membership_url: str, notifications_url: str, done: dict[str, float], arrived: dict[str, float]
) -> str:
    """Per event, from the command's transaction start: 2xx, relay pass, consumer transaction,
    SSE arrival; medians and p99 in ms."""
    wall = time.time() - time.perf_counter()
    membership = await asyncpg.connect(membership_url)
    notifications = await asyncpg.connect(notifications_url)
    try:
        commands = await membership.fetch(
            f"""SELECT event_id, envelope->'payload'->'organisation'->>'description' AS description,
                       extract(epoch FROM created_at) AS committed,
                       extract(epoch FROM published_at) AS relayed
                FROM outbox WHERE event_type = '{EVENT}'"""
        )
        consumed = {
            r["event_id"]: float(r["at"])
            for r in await notifications.fetch(
                f"SELECT event_id, extract(epoch FROM processed_at) AS at FROM processed_events"
                f" WHERE event_type = '{EVENT}'"
            )
        }
    finally:
        await membership.close()
        await notifications.close()
    stages: dict[str, list[float]] = {"2xx": [], "relay pass": [], "consumer tx": [], "SSE": []}
    for row in commands:
        d = row["description"]
        if d not in done or d not in arrived or row["event_id"] not in consumed or row["relayed"] is None:
            continue
        start = float(row["committed"])
        stages["2xx"].append((done[d] + wall - start) * 1000)
        stages["relay pass"].append((float(row["relayed"]) - start) * 1000)
        stages["consumer tx"].append((consumed[row["event_id"]] - start) * 1000)
        stages["SSE"].append((arrived[d] + wall - start) * 1000)
    parts = []
    for name, values in stages.items():
        ordered = sorted(values)
        parts.append(f"{name} {percentile(ordered, 0.5):.1f}/{percentile(ordered, 0.99):.1f}")
    return "ms after the command's tx start (p50/p99): " + ", ".join(parts)


def _cpu_use(membership: Server, notifications: Server) -> CpuUse:
    """Whether the two cores, not one stage, set the row's latency."""
    return CpuUse(
        {
            "membership": membership.pids,
            "notifications": notifications.pids,
            "PostgreSQL": lambda: pids_running("postgres"),
            "Kafka": lambda: pids_running("kafka.Kafka"),
            "this load client": lambda: [os.getpid()],
        }
    )


def _per_command(cpu: CpuUse, commands: int) -> str:
    used = cpu.seconds()
    parts = ", ".join(f"{side} {seconds / max(commands, 1) * 1000:.2f}" for side, seconds in used.items())
    return f"{parts}; the cores {cpu.busy(used):.0%} busy"


@dataclass(frozen=True)
class Admins:
    """One admin per organisation the commands go to, and the key their tokens are signed with."""

    members: list[tuple[UUID, UUID]]
    signing_key_pem: str

    def tokens(self) -> list[str]:
        issuer = TokenIssuer(self.signing_key_pem, lifetime=timedelta(hours=2))
        role = frozenset({Role.ORGANISATION_ADMIN})
        return [issuer.issue(Principal(person, role, organisation_id=org)) for org, person in self.members]

    def paths(self) -> list[str]:
        return [f"/organisations/{org}" for org, _ in self.members]


@contextlib.asynccontextmanager
async def _platform(options: RunOptions) -> AsyncIterator[tuple[Server, Server, str, str, Admins]]:
    """membership and notifications on fresh 1x copies, one topic prefix; their databases, and
    the admins (organisation, person), trusted with the signing key the bench holds."""
    membership_template = await scaling.ensure_template("membership", 1, verbose=False)
    notifications_template = await scaling.ensure_template("notifications", 1, verbose=False)
    pem = generate_private_key_pem()
    async with (
        cloned_database(membership_template, "e2e_membership") as membership_url,
        cloned_database(notifications_template, "e2e_notifications") as notifications_url,
    ):
        admins = (await generated_members(membership_url))[:ADMINS]
        await _promote(membership_url, [person for _, person in admins])
        await _seed_directory(notifications_url, admins)
        membership_env = service_env("membership", membership_url, options, MEMBERSHIP_SIGNING_KEY_PEM=pem)
        prefix = membership_env["KAFKA_TOPIC_PREFIX"]
        notifications_env = service_env(
            "notifications",
            notifications_url,
            options,
            KAFKA_TOPIC_PREFIX=prefix,
            NOTIFICATIONS_AUTH_PUBLIC_KEY_PEM=public_key_pem(pem),
            NOTIFICATIONS_AUTH_JWKS_URL="",
        )
        m_port, n_port = free_port(), free_port()
        membership = await start_server(
            "membership-e2e", service_command("membership", m_port), membership_env, m_port
        )
        try:
            notifications = await start_server(
                "notifications-e2e", service_command("notifications", n_port), notifications_env, n_port
            )
            try:
                yield membership, notifications, membership_url, notifications_url, Admins(admins, pem)
            finally:
                await stop_server(notifications)
        finally:
            await stop_server(membership)


async def run(options: RunOptions) -> list[Row]:
    wrk.require_wrk()
    row, maximum = rows()
    async with _platform(options) as (membership, notifications, m_url, n_url, admins):
        tokens, paths = admins.tokens(), admins.paths()
        script = wrk.rotating_script("PATCH", paths, tokens, PATCH_BODY)
        target = membership.url + paths[0]
        # Warmed up even in --quick (a cold service's first seconds are not its maximum), until it
        # answers at all: on a loaded machine the first requests can take seconds.
        for _ in range(5):
            warm = await asyncio.to_thread(
                wrk.run, target, seconds=2, connections=options.connections, script=script
            )
            if warm.rate:
                break
        maximum.measures[1] = await asyncio.to_thread(
            wrk.run, target, seconds=max(2, options.seconds), connections=options.connections, script=script
        )
        await _consumed_everything(m_url, n_url)

        rate = maximum.measures[1].rate / 2
        if not rate:  # nothing answered: no rate to halve (the maximum row shows the error)
            return [row, maximum]
        count = max(round(rate * options.seconds), MIN_SAMPLES_QUICK if options.quick else MIN_SAMPLES)
        streams = Streams(notifications.url, tokens)
        await streams.open()
        try:
            label = f"e2e-{uuid4().hex[:6]}"
            cpu = _cpu_use(membership, notifications)
            started = time.perf_counter()
            done, errors = await _drive(membership.url, paths, tokens, rate, count, label)
            elapsed = time.perf_counter() - started
            await _arrivals(streams, done)
            arrived = dict(streams.arrived)
            cpu_per_command = _per_command(cpu, len(done))
        finally:
            await streams.close()
        latencies = [(arrived[d] - t) * 1000 for d, t in done.items() if d in arrived]
        missing = len(done) - len(latencies)
        row.measures[1] = Measure.from_latencies(len(done), elapsed, latencies, errors=errors + missing)
        await _consumed_everything(m_url, n_url)
        print(
            f"end to end at {rate:.0f} commands/s: {await _where_the_time_went(m_url, n_url, done, arrived)}"
        )
        print(f"end to end at {rate:.0f} commands/s, CPU ms per command while driven: {cpu_per_command}")
        row.baselines[1] = await kafka_hop(rate, count, f"bench-{options.run_id}-{uuid4().hex[:6]}.")
    return [row, maximum]
