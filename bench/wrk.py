"""HTTP load from wrk (C, one thread), so the client does not cap what a server can do."""

import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence

from bench.common import Measure, RunOptions, median_measure

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def require_wrk() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("the HTTP benchmarks need wrk (deploy/local/prerequisites.sh installs it)")


def run(
    url: str,
    *,
    seconds: float,
    connections: int,
    headers: dict[str, str] | None = None,
    script: str | None = None,
) -> Measure:
    """Requests/s, p50 and p99 of `connections` keep-alive connections for `seconds`."""
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--latency",
        "--timeout",
        "10s",
    ]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
        if script:
            lua.write(script)
            lua.flush()
            command += ["-s", lua.name]
        output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout

    def latency(label: str) -> float:
        found = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
        return float(found.group(1)) * UNITS[found.group(2)] if found else float("nan")

    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    if socket_errors:
        errors += sum(int(g) for g in socket_errors.groups())
    answered = float(rate.group(1)) if rate else 0.0
    if not answered:  # nothing answered in time: no latency to report, and that is an error
        return Measure(0.0, float("nan"), float("nan"), max(errors, 1))
    return Measure(answered, latency("50%"), latency("99%"), errors)


def lua_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def paths_script(paths: list[str]) -> str:
    """Each request takes the next path (public reads: no token)."""
    return (
        f"local paths = {{{', '.join(lua_string(p) for p in paths)}}}\n"
        "local n = 0\n"
        "request = function()\n"
        "  n = n + 1\n"
        '  return wrk.format("GET", paths[(n % #paths) + 1], nil, nil)\n'
        "end\n"
    )


def rotating_script(
    method: str, paths: list[str], tokens: list[str], body: str | None = None, *, once: bool = False
) -> str:
    """Each request takes the next (path, token) pair: load spread over many rows and callers.

    `once`: every pair is sent once (steps that cannot be repeated); the run stops when all of
    them were answered, so wrk's rate is over that time (a shortfall shows as errors)."""
    lines = [
        f"local paths = {{{', '.join(lua_string(p) for p in paths)}}}",
        f"local tokens = {{{', '.join(lua_string(t) for t in tokens)}}}",
        "local n = 0",
        "request = function()",
        "  n = n + 1",
        "  local k = (n % #paths) + 1" if not once else "  local k = math.min(n, #paths)",
        '  local headers = {["Authorization"] = "Bearer " .. tokens[k],',
        '                   ["Content-Type"] = "application/json"}',
    ]
    if body is None:
        lines.append(f'  return wrk.format("{method}", paths[k], headers, nil)')
    else:
        lines.append(
            f'  return wrk.format("{method}", paths[k], headers, string.format({lua_string(body)}, n))'
        )
    lines.append("end")
    if once:
        lines += [
            "local answered = 0",
            "response = function(status, headers, body)",
            "  answered = answered + 1",
            "  if answered >= #paths then wrk.thread:stop() end",
            "end",
        ]
    return "\n".join(lines) + "\n"


def measure(url: str, options: RunOptions, **kw: object) -> Measure:
    """One figure of a run: the run's duration and connection count."""
    return run(url, seconds=options.seconds, connections=options.connections, **kw)  # type: ignore[arg-type]


def warm_up(url: str, options: RunOptions, **kw: object) -> None:
    """Open pool connections, prepare statements, verify tokens once: not part of a figure."""
    if not options.quick:
        run(url, seconds=1, connections=options.connections, **kw)  # type: ignore[arg-type]


def in_turn(urls: Sequence[str], options: RunOptions, **kw: object) -> list[Measure]:
    """Each server measured in turn, `options.rounds` times over, all of them up throughout: one
    figure per url, each the median of its rounds. Single runs of a service and its baseline a
    minute apart moved a ratio by 0.3 on this machine with nothing changed; in turn, load that
    comes and goes weighs on every side alike."""
    rounds: list[list[Measure]] = [[] for _ in urls]
    for _ in range(options.rounds):
        for url, measures in zip(urls, rounds, strict=True):
            measures.append(measure(url, options, **kw))
    return [median_measure(measures) for measures in rounds]
