"""What every benchmark module shares: settings of the run, databases, processes, measurements."""

import asyncio
import contextlib
import hashlib
import os
import re
import signal
import socket
import statistics
import subprocess
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from uuid import uuid4

import asyncpg
import httpx

from cloth_shared.testing.databases import database_url_for

REPO = Path(__file__).resolve().parents[1]
SERVICES_SH = REPO / "deploy" / "local" / "services.sh"
VENV_BIN = Path(os.environ.get("VENV", REPO / ".venv")) / "bin"
LOG_DIR = Path(os.environ.get("CLOTH_LOG_DIR", REPO / ".local" / "logs"))


@dataclass(frozen=True)
class RunOptions:
    """One `make bench` run; `quick` keeps every measurement to about a second."""

    quick: bool = False
    seconds: float = 5.0
    connections: int = 16
    workers: int = 2
    scales: tuple[int, ...] = (1, 100)
    events: int = 10_000
    relay_events: int = 20_000
    relay_rounds: int = 3
    # A service and its baseline measured in turn this many times each (rows that use it say so):
    # load that comes and goes on a shared machine then weighs on both sides alike.
    rounds: int = 3
    only: frozenset[str] = frozenset()
    rows: frozenset[str] = frozenset()  # membership rows to measure (read, directory, ...); empty: all
    run_id: str = field(default_factory=lambda: uuid4().hex[:8])

    def wants(self, family: str) -> bool:
        return not self.only or family in self.only

    def measures(self, row: str) -> bool:
        return not self.rows or row in self.rows


def admin_url() -> str:
    return os.environ["TEST_DATABASE_ADMIN_URL"]


def bootstrap_servers() -> str:
    return os.environ["KAFKA_BOOTSTRAP_SERVERS"]


# --- databases ----------------------------------------------------------------------------------


async def database_exists(name: str) -> bool:
    admin = await asyncpg.connect(admin_url())
    try:
        return bool(await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name))
    finally:
        await admin.close()


# A copy's name says which machine and process made it: a run killed before its `finally` leaves
# its copies behind (hundreds of MB each at 100×), and a later run on this machine drops those
# whose process is gone (`drop_abandoned_copies`).
_HOST = hashlib.blake2b(socket.gethostname().encode(), digest_size=3).hexdigest()
_COPY = re.compile(rf"^bench_run_.+_{_HOST}_(\d+)_[0-9a-f]{{8}}$")


def copy_name(label: str, *, pid: int | None = None) -> str:
    return f"bench_run_{label}_{_HOST}_{pid or os.getpid()}_{uuid4().hex[:8]}"


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: running
        return True
    return True


async def drop_abandoned_copies() -> list[str]:
    """Drop the database copies this machine's bench processes made and no longer run to drop."""
    admin = await asyncpg.connect(admin_url())
    try:
        names = [row["datname"] for row in await admin.fetch("SELECT datname FROM pg_database")]
        abandoned = [
            name for name in names if (found := _COPY.match(name)) and not _running(int(found.group(1)))
        ]
        for name in abandoned:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        return abandoned
    finally:
        await admin.close()


@contextlib.asynccontextmanager
async def cloned_database(template: str, label: str) -> AsyncIterator[str]:
    """A fresh copy of a (scaled) template database for one measurement; dropped afterwards."""
    name = copy_name(label)
    admin = await asyncpg.connect(admin_url())
    try:
        await admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    finally:
        await admin.close()
    try:
        yield database_url_for(admin_url(), name)
    finally:
        admin = await asyncpg.connect(admin_url())
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


# --- processes ----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    url: str
    log: Path
    # The log is appended to across runs: where this server's own lines begin.
    log_start: int = 0

    def pids(self) -> list[int]:
        """The server process and its workers (uvicorn --workers N forks N children)."""
        return [self.process.pid, *children(self.process.pid)]

    def logged(self) -> bytes:
        """What this server wrote to its log so far."""
        with self.log.open("rb") as text:
            text.seek(self.log_start)
            return text.read()


def children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            text = (task / "children").read_text().split()
            for child in map(int, text):
                found += [child, *children(child)]
    except OSError:
        pass
    return found


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_ticks(pids: list[int]) -> int:
    """CPU time the processes used so far (user + system), in clock ticks (CLOCK_TICKS a second)."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a process that ended: what it used is not counted
        ticks += int(fields[11]) + int(fields[12])  # utime + stime
    return ticks


def pids_running(marker: str) -> list[int]:
    """The processes whose command line holds `marker`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker in (entry / "cmdline").read_text():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


class CpuUse:
    """The CPU each side (a set of processes, found again at each end: processes started meanwhile
    count whole, those that ended are lost) uses from now on, read from /proc."""

    def __init__(self, sides: dict[str, Callable[[], list[int]]]) -> None:
        self._sides = sides
        self._before = {side: cpu_ticks(find()) for side, find in sides.items()}
        self._started = time.perf_counter()

    def seconds(self) -> dict[str, float]:
        """CPU seconds each side used so far."""
        return {
            side: (cpu_ticks(find()) - self._before[side]) / CLOCK_TICKS for side, find in self._sides.items()
        }

    def busy(self, used: dict[str, float]) -> float:
        """The share of the machine's cores those seconds took since the start."""
        return sum(used.values()) / (time.perf_counter() - self._started) / (os.cpu_count() or 1)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def start_server(
    name: str,
    command: Sequence[str],
    env: dict[str, str],
    port: int,
    *,
    ready_path: str | None = "/health/ready",
) -> Server:
    """Start a process; wait until `ready_path` answers 200 (None: a process without HTTP)."""
    LOG_DIR.mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240 - once per server start
    log = LOG_DIR / f"bench-{name}.log"
    with log.open("ab") as out:
        logged_before = out.tell()
        process = subprocess.Popen(  # noqa: ASYNC220 - started, not waited for
            list(command), env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT, cwd=REPO
        )
    server = Server(name, process, f"http://127.0.0.1:{port}", log, logged_before)
    if ready_path is None:
        await asyncio.sleep(0.5)
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited; see {log}:\n{log.read_text()[-3000:]}")
        return server
    deadline = time.monotonic() + 120
    async with httpx.AsyncClient(timeout=2) as client:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited; see {log}:\n{log.read_text()[-3000:]}")
            with contextlib.suppress(httpx.HTTPError):
                if (await client.get(server.url + ready_path)).status_code == 200 and _all_workers_started(
                    server, env
                ):
                    return server
            if time.monotonic() > deadline:
                await stop_server(server)
                raise RuntimeError(f"{name} did not become ready; see {log}")
            await asyncio.sleep(0.3)


def _all_workers_started(server: Server, env: dict[str, str]) -> bool:
    """Whether every worker finished its start-up, not only the one that answered /health/ready.

    A worker that starts while another consumes at full speed waits for each consumer group's
    rebalance, one group after the other: measured, the second notifications worker joined 15 s
    late, after the whole consumer run, which one worker had carried alone. uvicorn prints the
    line once per worker (granian prints its own: not counted)."""
    if env.get("CLOTH_SERVER", os.environ.get("CLOTH_SERVER", "uvicorn")) != "uvicorn":
        return True
    return server.logged().count(b"Application startup complete") >= int(env.get("CLOTH_WORKERS", "1"))


async def stop_server(server: Server) -> None:
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGTERM)
        for _ in range(100):
            if server.process.poll() is not None:
                break
            await asyncio.sleep(0.1)
        else:
            for pid in server.pids():
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            server.process.wait()


def service_command(service: str, port: int) -> list[str]:
    """The service as `make up` runs it (deploy/local/services.sh serve), on another port."""
    return ["bash", str(SERVICES_SH), "serve", service, str(port)]


def service_env(service: str, database_url: str, options: RunOptions, **extra: str) -> dict[str, str]:
    upper = service.upper()
    return {
        f"{upper}_DATABASE_URL": database_url,
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap_servers(),
        "KAFKA_TOPIC_PREFIX": f"bench-{options.run_id}-{uuid4().hex[:6]}.",
        "CLOTH_WORKERS": str(options.workers),
        "LOG_LEVEL": "WARNING",
        **extra,
    }


# --- measurements -------------------------------------------------------------------------------


def percentile(sorted_values: Sequence[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(fraction * (len(sorted_values) - 1))))
    return sorted_values[index]


@dataclass
class Measure:
    """One figure: a rate (req/s or events/s) with its latency percentiles (ms)."""

    rate: float
    p50_ms: float = float("nan")
    p99_ms: float = float("nan")
    errors: int = 0
    note: str = ""

    @classmethod
    def from_latencies(
        cls, count: int, seconds: float, latencies_ms: list[float], errors: int = 0
    ) -> "Measure":
        ordered = sorted(latencies_ms)
        return cls(count / seconds, percentile(ordered, 0.5), percentile(ordered, 0.99), errors)


def median_measure(measures: Sequence[Measure]) -> Measure:
    """The median of each field over rounds of one figure (rate, p50 and p99 taken separately)."""
    return Measure(
        median([m.rate for m in measures]),
        median([m.p50_ms for m in measures]),
        median([m.p99_ms for m in measures]),
        sum(m.errors for m in measures),
    )


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")
