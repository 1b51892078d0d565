"""Read and write request rates of a running membership API, with a same-run HTTP baseline.

    .venv/bin/python -m bench.membership_api --url http://127.0.0.1:8001 [--seconds 8] [--workers 16]

Needs a membership in development (the bootstrap admin signs in). Each scenario runs `workers`
concurrent connections of wrk for `seconds`; the baseline is GET /health/live through the same
stack, so the ratio shows what the route itself costs. wrk shares the machine's two cores.
"""

import argparse
import asyncio
import re
import shutil
import subprocess
import tempfile
from uuid import uuid4

import httpx

ADMIN: dict[str, object] = {"email": "admin@cloth.local", "password": "dev-only-admin-password"}
PASSWORD = "bench password, long enough"
MODACC = "0b1c0000-0000-4000-8000-000000000001"


async def _token(api: httpx.AsyncClient, path: str, body: dict[str, object], **kw: object) -> dict[str, str]:
    answer = await api.post(path, json=body, **kw)  # type: ignore[arg-type]
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def setup(api: httpx.AsyncClient) -> tuple[str, dict[str, str]]:
    """An active SME and its admin's token."""
    admin = await _token(api, "/auth/sign-in", ADMIN)
    email = f"bench-manager-{uuid4().hex[:8]}@bench.example"
    invited = await api.post(
        "/invitations", headers=admin, json={"email": email, "role": "cluster_manager", "cluster_id": MODACC}
    )
    person = {"password": PASSWORD, "display_name": "Bench", "language": "en"}
    manager = await _token(
        api,
        "/auth/sign-up",
        {**person, "email": email, "invitation_token": invited.json()["invitation_token"]},
    )
    member = await _token(api, "/auth/sign-up", {**person, "email": f"bench-{uuid4().hex[:8]}@bench.example"})
    applied = await api.post(
        "/organisations",
        headers=member,
        json={
            "legal_name": "Bench SL",
            "category": "sme",
            "cluster_id": MODACC,
            "country": "ES",
            "registration_number": f"BENCH-{uuid4().hex[:10]}",
        },
    )
    organisation_id = applied.json()["id"]
    (await api.post(f"/organisations/{organisation_id}/approval", headers=manager)).raise_for_status()
    return organisation_id, await _token(api, "/auth/refresh", {}, headers=member)


PATCH_SCRIPT = """
wrk.method = "PATCH"
wrk.headers["Content-Type"] = "application/json"
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, nil, nil, '{"description": "bench run ' .. counter .. '"}')
end
"""

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(
    url: str, *, seconds: float, connections: int, headers: dict[str, str], script: str | None = None
) -> dict[str, float]:
    """Load from wrk (C, one thread), so the client does not cap what the service can do."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
        if script:
            lua.write(script)
            lua.flush()
            command += ["-s", lua.name]
        output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout

    def latency(label: str) -> float:
        value, unit = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)$", output, re.M).groups()  # type: ignore[union-attr]
        return float(value) * UNITS[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),  # type: ignore[union-attr]
        "p50_ms": latency("50%"),
        "p99_ms": latency("99%"),
        "errors": float(errors.group(1)) if errors else 0.0,
    }


async def run(url: str, seconds: float, workers: int) -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("the membership benchmark needs wrk: apt-get install wrk")
    async with httpx.AsyncClient(base_url=url, timeout=30) as api:
        organisation_id, member = await setup(api)
    scenarios = [
        ("baseline GET /health/live", "/health/live", {}, None),
        ("read GET /organisations/{id} (token verified)", f"/organisations/{organisation_id}", member, None),
        ("read GET /directory?limit=20", "/directory?limit=20", {}, None),
        (
            "write PATCH /organisations/{id} (row + outbox)",
            f"/organisations/{organisation_id}",
            member,
            PATCH_SCRIPT,
        ),
    ]
    print(f"membership API, {workers} connections x {seconds:.0f} s each, one uvicorn worker")
    baseline = None
    for name, path, headers, script in scenarios:
        result = await asyncio.to_thread(
            wrk, url + path, seconds=seconds, connections=workers, headers=headers, script=script
        )
        baseline = baseline or result["rps"]
        print(
            f"  {name:50s} {result['rps']:8.0f} req/s  p50 {result['p50_ms']:6.1f} ms  "
            f"p99 {result['p99_ms']:6.1f} ms  errors {result['errors']:.0f}  "
            f"ratio to baseline {result['rps'] / baseline:.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.membership_api")
    parser.add_argument("--url", default="http://127.0.0.1:8001")
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--workers", type=int, default=16)
    args = parser.parse_args()
    asyncio.run(run(args.url, args.seconds, args.workers))


if __name__ == "__main__":
    main()
