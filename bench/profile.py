"""Profile a service under one benchmark's load with py-spy (a dev tool, not a dependency).

    python -m bench.profile read|directory|patch|search|offers [--seconds 8] [--scale 1]

Starts membership (knowledge for `search`: the library search bench's 28 queries; exchange for
`offers`: the hosting-offer catalogue's 20 filter pairs; one worker) on
a copy of the scaled database, drives the load with wrk and
records the worker with `py-spy record --format raw`; prints the heaviest frames (self and
inclusive share of samples). The raw stacks are left in .local/logs/profile-<load>.txt.
"""

import argparse
import asyncio
import collections
import shutil
import subprocess

from bench import exchange_sql, knowledge_sql, wrk
from bench import scale as scaling
from bench.common import (
    LOG_DIR,
    VENV_BIN,
    RunOptions,
    Server,
    cloned_database,
    free_port,
    service_command,
    service_env,
    start_server,
    stop_server,
)
from bench.exchange_api import public_key_pem
from bench.membership_api import PATCH_BODY, generated_members, member_tokens
from membership.adapters.tokens import generate_private_key_pem

# A sample goes to the first specific category one of its frames matches; otherwise to the
# generic category of its leaf-most frame (framework, server, event loop).
SPECIFIC = [
    ("token verification", ("cloth_shared/auth/",)),
    (
        "asyncpg BEGIN/COMMIT/ROLLBACK",
        ("Transaction.start", "Transaction.__rollback", "Transaction.__commit"),
    ),
    ("asyncpg queries (fetch/execute)", ("asyncpg/",)),
    (
        "pydantic validation / serialisation",
        ("pydantic/", "serialize_response", "_flat", "organisation_from_row"),
    ),
    (
        "FastAPI dependency solving / params",
        ("solve_dependencies", "fastapi/dependencies/", "request_params_to_args"),
    ),
    ("structlog / logging", ("structlog/", "logging/")),
    (
        "application code (service, domain)",
        (
            "membership/",
            "notifications/",
            "knowledge/",
            "cloth_shared/unit_of_work",
            "cloth_shared/service",
            "cloth_shared/outbox",
            "cloth_shared/context",
        ),
    ),
]
GENERIC = [
    ("our middleware (correlation id)", ("cloth_shared/http.py",)),
    ("Starlette/FastAPI routing and middleware", ("starlette/", "fastapi/")),
    ("uvicorn HTTP protocol (httptools)", ("uvicorn/protocols/",)),
    ("event loop (uvloop, scheduling)", ("asyncio/", "uvloop", "uvicorn/")),
]


def _category(frames: list[str]) -> str:
    for name, keys in SPECIFIC:
        if any(k in frame for frame in frames for k in keys):
            return name
    for frame in reversed(frames):
        for name, keys in GENERIC:
            if any(k in frame for k in keys):
                return name
    return "other"


def categorise(raw: str) -> str:
    totals: collections.Counter[str] = collections.Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack:
            continue
        count = int(count_text)
        total += count
        totals[_category(stack.split(";"))] += count
    return "\n".join(f"{100 * c / total:5.1f}%  {name}" for name, c in totals.most_common())


def summarise(raw: str, top: int = 25) -> str:
    self_counts: collections.Counter[str] = collections.Counter()
    inclusive: collections.Counter[str] = collections.Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack:
            continue
        count = int(count_text)
        total += count
        frames = stack.split(";")
        self_counts[frames[-1]] += count
        for frame in set(frames):
            inclusive[frame] += count
    out = [f"{total} samples", "-- self --"]
    out += [f"{100 * c / total:5.1f}%  {f}" for f, c in self_counts.most_common(top)]
    out += ["-- inclusive --"]
    out += [f"{100 * c / total:5.1f}%  {f}" for f, c in inclusive.most_common(top * 2)]
    return "\n".join(out)


async def profile(load: str, seconds: float, scale: int, workers: int) -> None:
    if load in ("search", "offers"):
        await profile_other_service(load, seconds, scale, workers)
        return
    options = RunOptions(workers=workers, seconds=seconds)
    template = await scaling.ensure_template("membership", scale, verbose=False)
    async with cloned_database(template, f"profile_x{scale}") as url:
        members = await generated_members(url)
        ids = [organisation for organisation, _ in members]
        pem = generate_private_key_pem()
        tokens = member_tokens(pem, members)
        paths = [f"/organisations/{i}" for i in ids]
        port = free_port()
        env = service_env("membership", url, options, MEMBERSHIP_SIGNING_KEY_PEM=pem)
        server = await start_server("membership-profile", service_command("membership", port), env, port)
        try:
            script = None
            path = paths[0]
            if load == "read":
                script = wrk.rotating_script("GET", paths, tokens)
            elif load == "patch":
                script = wrk.rotating_script("PATCH", paths, tokens, PATCH_BODY)
            else:
                path = {"directory": "/directory?limit=20", "counts": "/map/counts", "live": "/health/live"}[
                    load
                ]
            await _record(server, load, path, script, seconds)
        finally:
            await stop_server(server)


async def profile_other_service(load: str, seconds: float, scale: int, workers: int) -> None:
    """The public reads of knowledge (`search`) and exchange (`offers`), trusting a bench key."""
    service = {"search": "knowledge", "offers": "exchange"}[load]
    prefix = service.upper()
    options = RunOptions(workers=workers, seconds=seconds)
    template = await scaling.ensure_template(service, scale, verbose=False)
    async with cloned_database(template, f"profile_{service}_x{scale}") as url:
        port = free_port()
        keys = {
            f"{prefix}_AUTH_PUBLIC_KEY_PEM": public_key_pem(generate_private_key_pem()),
            f"{prefix}_AUTH_JWKS_URL": "",
        }
        if service == "exchange":
            keys["EXCHANGE_RUN_SWEEPER"] = "false"
        env = service_env(service, url, options, **keys)
        server = await start_server(f"{service}-profile", service_command(service, port), env, port)
        try:
            if load == "search":
                paths = knowledge_sql.search_paths()
            else:
                paths = [exchange_sql.catalogue_path(n) for n in range(len(exchange_sql.CATALOGUE_FILTERS))]
            await _record(server, load, paths[0], wrk.paths_script(paths), seconds)
        finally:
            await stop_server(server)


async def _record(server: Server, load: str, path: str, script: str | None, seconds: float) -> None:
    """Drive the load on one worker of `server` while py-spy samples it; print where time went."""
    py_spy = shutil.which("py-spy") or str(VENV_BIN / "py-spy")
    target = server.pids()[-1]
    wrk.run(server.url + path, seconds=1, connections=16, script=script)
    out = LOG_DIR / f"profile-{load}.txt"
    command = [py_spy, "record", "--pid", str(target), "--duration", str(int(seconds)), "--rate", "200"]
    command += ["--format", "raw", "--output", str(out), "--nonblocking"]
    spy = subprocess.Popen(  # noqa: ASYNC220 - started, not waited for
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = server.url + path
    measure = await asyncio.to_thread(wrk.run, url, seconds=seconds, connections=16, script=script)
    spy.wait()
    print(f"{load}: {measure.rate:,.0f} req/s, p50 {measure.p50_ms:.1f} ms, p99 {measure.p99_ms:.1f} ms")
    print(categorise(out.read_text()))
    print(summarise(out.read_text()))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.profile")
    parser.add_argument("load", choices=["read", "directory", "counts", "patch", "live", "search", "offers"])
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    asyncio.run(profile(args.load, args.seconds, args.scale, args.workers))


if __name__ == "__main__":
    main()
