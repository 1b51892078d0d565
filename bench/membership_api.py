"""Read and write request rates of a running membership API, with a same-run HTTP baseline.

    .venv/bin/python -m bench.membership_api --url http://127.0.0.1:8001 [--seconds 8] [--workers 32]

Needs a membership in development (the bootstrap admin signs in). Each scenario runs `workers`
concurrent clients for `seconds`; the baseline is GET /health/live through the same stack and
client, so the ratio shows what the route itself costs. The client shares the machine.
"""

import argparse
import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from uuid import uuid4

import httpx

ADMIN = {"email": "admin@cloth.local", "password": "dev-only-admin-password"}
PASSWORD = "bench password, long enough"
MODACC = "0b1c0000-0000-4000-8000-000000000001"

Call = Callable[[httpx.AsyncClient, int], Awaitable[httpx.Response]]


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


async def measure(api: httpx.AsyncClient, call: Call, *, seconds: float, workers: int) -> dict[str, float]:
    latencies: list[float] = []
    failures = 0
    deadline = time.perf_counter() + seconds

    async def worker(n: int) -> None:
        nonlocal failures
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            answer = await call(api, n)
            latencies.append(time.perf_counter() - started)
            failures += answer.status_code >= 400

    started = time.perf_counter()
    await asyncio.gather(*(worker(n) for n in range(workers)))
    elapsed = time.perf_counter() - started
    quantiles = statistics.quantiles(latencies, n=100)
    return {
        "rps": len(latencies) / elapsed,
        "p50_ms": quantiles[49] * 1000,
        "p99_ms": quantiles[98] * 1000,
        "errors": failures,
    }


async def run(url: str, seconds: float, workers: int) -> None:
    limits = httpx.Limits(max_connections=workers, max_keepalive_connections=workers)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as api:
        organisation_id, member = await setup(api)
        scenarios: dict[str, Call] = {
            "baseline GET /health/live": lambda a, n: a.get("/health/live"),
            "read GET /organisations/{id} (token verified)": lambda a, n: a.get(
                f"/organisations/{organisation_id}", headers=member
            ),
            "read GET /directory?limit=20": lambda a, n: a.get("/directory", params={"limit": 20}),
            "write PATCH /organisations/{id} (row + outbox)": lambda a, n: a.patch(
                f"/organisations/{organisation_id}",
                headers=member,
                json={"description": f"run {n} {time.time()}"},
            ),
        }
        baseline = None
        for name, call in scenarios.items():
            result = await measure(api, call, seconds=seconds, workers=workers)
            baseline = baseline or result["rps"]
            print(
                f"{name:50s} {result['rps']:8.0f} req/s  p50 {result['p50_ms']:6.1f} ms  "
                f"p99 {result['p99_ms']:6.1f} ms  errors {result['errors']:.0f}  "
                f"ratio to baseline {result['rps'] / baseline:.2f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.membership_api")
    parser.add_argument("--url", default="http://127.0.0.1:8001")
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--workers", type=int, default=32)
    args = parser.parse_args()
    asyncio.run(run(args.url, args.seconds, args.workers))


if __name__ == "__main__":
    main()
