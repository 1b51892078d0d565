"""The SQL baselines: the services' own statements run straight through asyncpg, N at a time.

    python -m bench.sql_driver --dsn URL --kind directory|counts|patch --concurrency 8 --seconds 5

Prints one JSON line: {"count", "seconds", "errors", "latencies_ms"}. `run` starts as many driver
processes as the service has workers and merges what they report, so both sides of a ratio have
the same number of processes.
"""

import argparse
import asyncio
import json
import subprocess
import sys
import time
from typing import Any
from uuid import UUID

import asyncpg

from bench import exchange_sql, knowledge_sql, membership_sql
from bench.common import Measure
from membership.adapters import queries
from notifications.adapters.inbox_queries import INBOX_PAGE, UNREAD_COUNT

DIRECTORY_ARGS = (None, None, None, None, None, None, 21, 0)  # a page of 20, and one more


async def _directory(connection: asyncpg.Connection, _: UUID | None) -> None:
    """What GET /directory?limit=20 runs: the first page by keyset, the total from the counts."""
    rows = await connection.fetch(queries.DIRECTORY_PAGE, *DIRECTORY_ARGS)
    total = await connection.fetchval(queries.DIRECTORY_TOTAL, "all", "active")
    assert rows
    assert total


async def _counts(connection: asyncpg.Connection, _: UUID | None) -> None:
    rows = await connection.fetch(queries.COUNTS_BY_DIMENSION)
    assert rows


async def _patch(connection: asyncpg.Connection, organisation_id: UUID | None) -> None:
    """What PATCH /organisations/{id} writes: lock, update the profile, one outbox row."""
    assert organisation_id is not None
    description = f"bench {time.perf_counter_ns()}"
    assert await membership_sql.change_description(connection, organisation_id, description)


async def _notifications(connection: asyncpg.Connection, person_id: UUID | None) -> None:
    """What GET /inbox?limit=20 runs: the first page (and one more), then the unread count."""
    await connection.fetch(INBOX_PAGE, person_id, None, None, 21)
    await connection.fetchval(UNREAD_COUNT, person_id)


KINDS = {
    "directory": _directory,
    "counts": _counts,
    "patch": _patch,
    "notifications": _notifications,
    **exchange_sql.KINDS,
    **knowledge_sql.KINDS,
}
# Kinds whose every id is used once (an approval cannot be repeated): the ids are split over the
# processes, each client takes the next one, and a driver stops when its ids run out.
ONCE = exchange_sql.ONCE


async def drive(dsn: str, kind: str, concurrency: int, seconds: float, ids: list[UUID]) -> dict[str, Any]:
    work = KINDS[kind]
    pool = await asyncpg.create_pool(dsn, min_size=concurrency, max_size=concurrency)
    if kind in exchange_sql.KINDS:
        await exchange_sql.prepare(pool)
    assert pool is not None
    latencies: list[float] = []
    errors = 0
    counter = 0

    once = iter(ids) if kind in ONCE else None

    async def client(offset: int) -> None:
        nonlocal errors, counter
        while time.perf_counter() < deadline:
            counter += 1
            if once is not None:
                target = next(once, None)
                if target is None:
                    return
            else:
                target = ids[(counter + offset) % len(ids)] if ids else None
            started = time.perf_counter()
            try:
                async with pool.acquire() as connection:
                    await work(connection, target)
            except Exception:
                errors += 1
                continue
            latencies.append((time.perf_counter() - started) * 1000)

    # warm up: prepared statements on every connection
    deadline = time.perf_counter() + min(0.5, seconds / 5)
    await asyncio.gather(*(client(i) for i in range(concurrency)))
    latencies.clear()
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(*(client(i * 7) for i in range(concurrency)))
    elapsed = time.perf_counter() - started
    await pool.close()
    return {"count": len(latencies), "seconds": elapsed, "errors": errors, "latencies_ms": latencies}


def run(
    dsn: str, kind: str, *, concurrency: int, seconds: float, processes: int, ids: list[UUID] | None = None
) -> Measure:
    """`concurrency` clients in total, split over `processes` driver processes."""
    per_process = [
        concurrency // processes + (1 if i < concurrency % processes else 0) for i in range(processes)
    ]
    shares = [ids or []] * processes
    if kind in ONCE:  # disjoint shares: each id used once
        shares = [(ids or [])[i::processes] for i in range(processes)]
    commands = [
        [
            sys.executable,
            "-m",
            "bench.sql_driver",
            "--dsn",
            dsn,
            "--kind",
            kind,
            "--concurrency",
            str(n),
            "--seconds",
            str(seconds),
            "--ids",
            ",".join(str(i) for i in share),
        ]
        for n, share in zip(per_process, shares, strict=True)
        if n
    ]
    running = [subprocess.Popen(c, stdout=subprocess.PIPE, text=True) for c in commands]
    results = [json.loads(p.communicate()[0]) for p in running]
    latencies = [value for r in results for value in r["latencies_ms"]]
    elapsed = max(r["seconds"] for r in results)
    return Measure.from_latencies(len(latencies), elapsed, latencies, sum(r["errors"] for r in results))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.sql_driver")
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--kind", choices=sorted(KINDS), required=True)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--ids", default="")
    args = parser.parse_args()
    ids = [UUID(i) for i in args.ids.split(",") if i]
    result = asyncio.run(drive(args.dsn, args.kind, args.concurrency, args.seconds, ids))
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
