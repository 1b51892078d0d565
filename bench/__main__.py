"""`make bench`: every benchmark against a baseline measured in the same run, in one table.

    python -m bench [--quick] [--only membership,consumer,relay,exchange,knowledge,e2e] [--rows read,patch]
                    [--scales 1,100] [--workers 2] [--server uvicorn|granian]
    python -m bench.scale              build the 1x / 100x template databases (idempotent)

Needs PostgreSQL and Kafka (`make infra-up`) and wrk; starts its own service processes (as
deploy/local/services.sh serves them) on fresh copies of the scaled databases and fresh topic
prefixes (deleted after the run), so it neither needs nor disturbs `make up`. `--quick` (CI):
about a second per measurement, 1x data only, no thresholds enforced.
"""

import argparse
import asyncio
import contextlib
import datetime
import os
import platform
import subprocess
import time

from bench import consumer, end_to_end, exchange_api, knowledge_api, membership_api, outbox_relay
from bench import scale as scaling
from bench.common import REPO, RunOptions, bootstrap_servers, drop_abandoned_copies
from bench.table import Row, markdown, render
from cloth_shared.testing.topic_cleanup import delete_topics, existing_topics

FAMILIES = ("membership", "consumer", "relay", "exchange", "knowledge", "e2e")


def options_from_args() -> tuple[RunOptions, argparse.Namespace]:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="seconds per benchmark, 1x only (CI)")
    parser.add_argument("--only", default="", help=f"comma-separated subset of {', '.join(FAMILIES)}")
    parser.add_argument(
        "--rows",
        default="",
        help="membership: comma-separated subset of read,directory,counts,figures,patch,patch_one",
    )
    parser.add_argument("--scales", default=None, help="data scales, default 1,100 (quick: 1)")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("CLOTH_WORKERS", "2")))
    parser.add_argument(
        "--server", default=os.environ.get("CLOTH_SERVER", "uvicorn"), help="uvicorn|granian (services.sh)"
    )
    parser.add_argument("--seconds", type=float, default=None, help="per HTTP/SQL measurement")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--events", type=int, default=None, help="consumer: events per measurement")
    parser.add_argument(
        "--rounds",
        type=int,
        default=None,
        help="read by id: service and baseline in turn, median (default 3)",
    )
    parser.add_argument("--markdown", default=None, help="also write the table as Markdown to this file")
    args = parser.parse_args()
    quick = args.quick
    os.environ["CLOTH_SERVER"] = args.server  # services.sh serves both sides with it
    scales = tuple(int(s) for s in (args.scales or ("1" if quick else "1,100")).split(","))
    options = RunOptions(
        quick=quick,
        seconds=args.seconds or (1.0 if quick else 5.0),
        connections=args.connections,
        workers=args.workers,
        scales=scales,
        events=args.events or (500 if quick else 10_000),
        relay_events=2_000 if quick else 20_000,
        rounds=args.rounds or (1 if quick else 3),
        relay_rounds=1 if quick else 3,
        only=frozenset(f for f in args.only.split(",") if f),
        rows=frozenset(r for r in args.rows.split(",") if r),
    )
    return options, args


def describe(options: RunOptions, elapsed: float) -> str:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        commit = "?"
    cpu = platform.processor() or platform.machine()
    server = os.environ.get("CLOTH_SERVER", "uvicorn")
    return (
        f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, commit {commit or '?'}, "
        f"{os.cpu_count()} cores ({cpu}), {server}, {options.workers} worker(s) per server on both sides, "
        f"{options.connections} connections, {options.seconds:.0f} s per HTTP/SQL figure, "
        f"{options.events:,} consumer events; ratio = figure / its baseline; whole run {elapsed:.0f} s"
    )


async def run(options: RunOptions) -> list[Row]:
    if options.wants("membership"):
        await scaling.ensure_all(["membership"], options.scales)
    if options.wants("consumer"):
        await scaling.ensure_all(["notifications"], options.scales)
    if options.wants("exchange"):
        await scaling.ensure_all(["exchange"], options.scales)
    if options.wants("knowledge"):
        await scaling.ensure_all(["knowledge"], options.scales)
    if options.wants("e2e"):
        await scaling.ensure_all(["membership", "notifications"], (1,))
    rows: list[Row] = []
    memory: list[Row] = []
    if options.wants("membership"):
        found = await membership_api.run(options)
        rows += [r for r in found if r.family != "memory"]
        memory += [r for r in found if r.family == "memory"]
    if options.wants("consumer"):
        found = await consumer.run(options)
        rows += [r for r in found if r.family != "memory"]
        memory += [r for r in found if r.family == "memory"]
    if options.wants("relay"):
        rows += await outbox_relay.run(options)
    if options.wants("exchange"):
        found = await exchange_api.run(options)
        rows += [r for r in found if r.family != "memory"]
        memory += [r for r in found if r.family == "memory"]
    if options.wants("knowledge"):
        found = await knowledge_api.run(options)
        rows += [r for r in found if r.family != "memory"]
        memory += [r for r in found if r.family == "memory"]
    if options.wants("e2e"):
        rows += await end_to_end.run(options)
    return rows + memory


async def run_leaving_nothing_behind(options: RunOptions) -> list[Row]:
    """The run, between two clean-ups. Before: the database copies an interrupted run of this
    machine left behind (a measurement drops its own copy, but a killed run never gets there).
    After: the run's topics (every measurement works in its own, `bench-<run id>-<hex>.`); left
    behind, a day of runs held thousands of partitions on the local broker, whose upkeep took CPU
    from every later figure."""
    for name in await drop_abandoned_copies():
        print(f"dropped {name}: a database copy an interrupted bench run left behind")
    try:
        return await run(options)
    finally:
        prefix = f"bench-{options.run_id}-"
        with contextlib.suppress(Exception):  # best effort: a broker that went away keeps them
            await delete_topics(bootstrap_servers(), await existing_topics(bootstrap_servers(), prefix))


def main() -> None:
    options, args = options_from_args()
    started = time.perf_counter()
    rows = asyncio.run(run_leaving_nothing_behind(options))
    if options.quick:  # CI: every benchmark ran; no thresholds
        for row in rows:
            row.min_ratio = row.max_p99_ms = row.min_rate = row.max_p50_ms = None
    about = describe(options, time.perf_counter() - started)
    print()
    print(render(rows, options.scales, title=f"CLOTH benchmarks: {about}"))
    if args.markdown:
        with open(args.markdown, "w") as out:
            out.write(f"{about}\n\n{markdown(rows, options.scales)}\n")


if __name__ == "__main__":
    main()
