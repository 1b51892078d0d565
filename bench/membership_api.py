"""Membership rows: read by id, public lists, commands; each against its same-run baseline.

For each data scale a fresh copy of the scaled template database is served by
- the baseline app (bench/baseline_app.py) and the SQL driver (bench/sql_driver.py), then
- the membership service as `make up` runs it (deploy/local/services.sh serve), same workers.
Tokens are real membership access tokens: the bench gives the service its signing key and signs
one member token per organisation, so reads and writes spread over many rows and callers and
every request is verified by the service.
"""

import asyncio
import contextlib
import time
import urllib.request
from datetime import timedelta
from uuid import UUID

import asyncpg

from bench import scale as scaling
from bench import sql_driver, wrk
from bench.common import (
    Measure,
    RunOptions,
    Server,
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
from membership.adapters.tokens import TokenIssuer, generate_private_key_pem

MAX_ROWS = 200  # organisations (and member tokens) the load is spread over
PATCH_BODY = '{"description": "bench run %d"}'


def rows() -> dict[str, Row]:
    return {
        "read": Row(
            "membership",
            "GET /organisations/{id} (token verified)",
            goal=">=0.7x, p99<=20ms",
            baseline_name="bare ASGI app, same SQL + JSON",
            min_ratio=0.7,
            max_p99_ms=20,
        ),
        # Measured with "read" (and "patch_lean" with "patch"): the same app and use case with
        # FastAPI's routing and dependency injection taken out of the route
        # (bench/lean_routes_app.py): what that layer costs.
        "read_lean": Row(
            "membership",
            "  same app + use case, FastAPI routing/DI taken out",
            goal="measured, not served",
            baseline_name="bare ASGI app (as above)",
        ),
        "directory": Row(
            "membership",
            "GET /directory?limit=20",
            goal="p99<=50ms",
            baseline_name="same SQL via asyncpg",
            max_p99_ms=50,
        ),
        "counts": Row(
            "membership",
            "GET /map/counts",
            goal="p99<=50ms",
            baseline_name="same SQL via asyncpg",
            max_p99_ms=50,
        ),
        "figures": Row(
            "membership",
            "GET /figures",
            goal="p99<=50ms",
            baseline_name="same SQL via asyncpg",
            max_p99_ms=50,
        ),
        # The PATCH baseline is the bare app doing the command's statements over HTTP, measured in
        # turn with the service; the service's relay publishes every side's outbox rows. The
        # statements alone, without HTTP and before anything is published, follow as "patch_sql".
        "patch": Row(
            "membership",
            "PATCH /organisations/{id}, distinct rows",
            goal=">=0.7x, p99<=50ms",
            baseline_name="bare ASGI app: lock+update+outbox in 1 tx via asyncpg, same JSON",
            min_ratio=0.7,
            max_p99_ms=50,
        ),
        "patch_lean": Row(
            "membership",
            "  same app + use case, FastAPI routing/DI taken out",
            goal="measured, not served",
            baseline_name="bare ASGI app (as above)",
        ),
        "patch_sql": Row(
            "membership",
            "  the same statements alone via asyncpg (no HTTP, no publishing)",
            goal="reported",
        ),
        "patch_one": Row(
            "membership",
            "PATCH /organisations/{id}, one row (contended)",
            goal="reported",
            baseline_name="bare ASGI app: same, one row",
        ),
        "rss": Row("memory", "membership RSS per worker at rest (max)", unit="MB", goal="<=150MB"),
    }


# Rows measured with another row, shown when that one is asked for.
MEASURED_WITH = {"read_lean": "read", "patch_lean": "patch", "patch_sql": "patch"}


async def generated_members(url: str) -> list[tuple[UUID, UUID]]:
    """(organisation, its generated member) of up to MAX_ROWS active organisations, spread out."""
    connection = await asyncpg.connect(url)
    try:
        found = await connection.fetch(
            """
            SELECT o.id AS organisation_id, p.id AS person_id
            FROM organisations o JOIN people p ON p.organisation_id = o.id
            WHERE o.status = 'active' AND p.email LIKE 'scale-%@bench.example'
            ORDER BY md5(o.id::text) LIMIT $1
            """,
            MAX_ROWS,
        )
    finally:
        await connection.close()
    return [(r["organisation_id"], r["person_id"]) for r in found]


def member_tokens(pem: str, members: list[tuple[UUID, UUID]]) -> list[str]:
    """A member token, signed with `pem`, for each (organisation, person) of `members`."""
    issuer = TokenIssuer(pem, lifetime=timedelta(hours=2))
    role = frozenset({Role.ORGANISATION_MEMBER})
    return [issuer.issue(Principal(person, role, organisation_id=org)) for org, person in members]


async def _forget_baseline_outbox(url: str) -> None:
    """The baseline's outbox rows are not the service's to publish (their topic has no prefix)."""
    connection = await asyncpg.connect(url)
    try:
        await connection.execute("DELETE FROM outbox")
    finally:
        await connection.close()


async def _outbox_drained(url: str, timeout: float = 60) -> None:
    connection = await asyncpg.connect(url)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not await connection.fetchval("SELECT count(*) FROM outbox WHERE published_at IS NULL"):
                return
            await asyncio.sleep(0.5)
    finally:
        await connection.close()


async def measure_scale(options: RunOptions, scale: int, table: dict[str, Row]) -> None:
    template = await scaling.ensure_template("membership", scale, verbose=False)
    async with (
        cloned_database(template, f"membership_x{scale}") as url,
        contextlib.AsyncExitStack() as servers,
    ):
        members = await generated_members(url)
        ids = [organisation for organisation, _ in members]
        pem = generate_private_key_pem()
        tokens = member_tokens(pem, members)
        paths = [f"/organisations/{i}" for i in ids]
        read_script = wrk.rotating_script("GET", paths, tokens)
        patch_script = wrk.rotating_script("PATCH", paths, tokens, PATCH_BODY)
        one_script = wrk.rotating_script("PATCH", paths[:1], tokens[:1], PATCH_BODY)

        # The SQL baselines first, while the service (and its outbox relay) is not running. The
        # bare app stays up beside the service, and the two are measured in turn (wrk.in_turn).
        wants = options.measures
        env = service_env("membership", url, options, MEMBERSHIP_SIGNING_KEY_PEM=pem)
        baseline: Server | None = None
        if wants("read") or wants("patch") or wants("patch_one"):
            port = free_port()
            baseline = await start_server(
                "baseline-app",
                service_command("baseline", port),
                {
                    "BENCH_DATABASE_URL": url,
                    "KAFKA_TOPIC_PREFIX": env["KAFKA_TOPIC_PREFIX"],
                    "CLOTH_APP": "bench.baseline_app:app",
                    "CLOTH_WORKERS": str(options.workers),
                },
                port,
            )
            servers.push_async_callback(stop_server, baseline)
            await asyncio.to_thread(wrk.warm_up, baseline.url + paths[0], options, script=read_script)

        def sql(kind: str, rows: list[UUID] | None = None) -> Measure:
            return sql_driver.run(
                url,
                kind,
                concurrency=options.connections,
                seconds=options.seconds,
                processes=options.workers,
                ids=rows,
            )

        if wants("directory"):
            table["directory"].baselines[scale] = await asyncio.to_thread(sql, "directory")
        if wants("counts") or wants("figures"):
            counts = await asyncio.to_thread(sql, "counts")
            table["counts"].baselines[scale] = table["figures"].baselines[scale] = counts
        if wants("patch"):
            table["patch_sql"].measures[scale] = await asyncio.to_thread(sql, "patch", ids)

        await _forget_baseline_outbox(url)
        port = free_port()
        service: Server = await start_server("membership", service_command("membership", port), env, port)
        servers.push_async_callback(stop_server, service)
        await _outbox_drained(url)
        base = service.url
        await asyncio.to_thread(wrk.warm_up, base + paths[0], options, script=read_script)
        lean: Server | None = None
        if wants("read") or wants("patch"):
            port = free_port()
            lean = await start_server(
                "membership-lean",
                service_command("membership", port),
                # The service's relay publishes for all: one relay in every PATCH figure.
                {
                    **env,
                    "CLOTH_APP": "bench.lean_routes_app:app",
                    "MEMBERSHIP_RUN_OUTBOX_RELAY": "false",
                    "MEMBERSHIP_RUN_CONSUMERS": "false",
                },
                port,
            )
            servers.push_async_callback(stop_server, lean)  # idle between its two rows
            await asyncio.to_thread(wrk.warm_up, lean.url + paths[0], options, script=read_script)
        if wants("read") and baseline is not None and lean is not None:
            await asyncio.to_thread(_same_answer, [base, lean.url], paths[0], tokens[0])
            urls = [server + paths[0] for server in (baseline.url, base, lean.url)]
            figures = await asyncio.to_thread(wrk.in_turn, urls, options, script=read_script)
            bare, table["read"].measures[scale], table["read_lean"].measures[scale] = figures
            table["read"].baselines[scale] = table["read_lean"].baselines[scale] = bare
        for key, path in (
            ("directory", "/directory?limit=20"),
            ("counts", "/map/counts"),
            ("figures", "/figures"),
        ):
            if wants(key):
                table[key].measures[scale] = await asyncio.to_thread(wrk.measure, base + path, options)
        if wants("patch") and baseline is not None and lean is not None:
            urls = [server + paths[0] for server in (baseline.url, base, lean.url)]
            figures = await asyncio.to_thread(wrk.in_turn, urls, options, script=patch_script)
            bare, table["patch"].measures[scale], table["patch_lean"].measures[scale] = figures
            table["patch"].baselines[scale] = table["patch_lean"].baselines[scale] = bare
        if wants("patch_one") and baseline is not None:
            urls = [server + paths[0] for server in (baseline.url, base)]
            bare, table["patch_one"].measures[scale] = await asyncio.to_thread(
                wrk.in_turn, urls, options, script=one_script
            )
            table["patch_one"].baselines[scale] = bare
        if baseline is not None:
            await stop_server(baseline)
        await _outbox_drained(url)
        await asyncio.sleep(2)
        workers = service.pids()[1:] or service.pids()
        table["rss"].measures[scale] = Measure(max(rss_mb(p) for p in workers))


def _same_answer(servers: list[str], path: str, token: str) -> None:
    """The lean route must do the service's work: the same answer, byte for byte."""
    answers = set()
    for server in servers:
        request = urllib.request.Request(server + path, headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            answers.add(response.read())
    if len(answers) != 1:
        raise SystemExit(f"{path}: the lean route's answer differs from the service's")


async def run(options: RunOptions) -> list[Row]:
    wrk.require_wrk()
    table = rows()
    for scale in options.scales:
        await measure_scale(options, scale, table)
    shown = (key for key in table if key == "rss" or options.measures(MEASURED_WITH.get(key, key)))
    return [table[key] for key in shown]
