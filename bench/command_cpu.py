"""What one PATCH /organisations/{id} costs the machine, with membership's outbox relay on and off.

    python -m bench.command_cpu [--rate 100] [--seconds 10] [--workers 2]

The PATCH row's rate is what the two cores can do while everything shares them, so it cannot say
which process the time went to. This sends PATCHes open-loop at a fixed rate (well below the
maximum, so nothing queues) and reads the CPU time each side used from /proc: the service's
processes, every PostgreSQL process on the machine (backends, autovacuum, WAL writer: on a quiet
machine, what the commands cost it), Kafka's. Run twice on fresh copies of the 1x database: as `make up` runs
membership, then with MEMBERSHIP_RUN_OUTBOX_RELAY=false (the events stay in the outbox), so the
difference is what publishing costs.
"""

import argparse
import asyncio
import time

import aiohttp

from bench import scale as scaling
from bench.common import (
    CpuUse,
    RunOptions,
    cloned_database,
    free_port,
    pids_running,
    service_command,
    service_env,
    start_server,
    stop_server,
)
from bench.membership_api import PATCH_BODY, generated_members, member_tokens
from membership.adapters.tokens import generate_private_key_pem

WARM_UP = 200  # commands before the measured ones: pool connections, prepared statements, tokens


async def cpu_per_command(rate: float, seconds: float, *, relay: bool, workers: int) -> dict[str, float]:
    """CPU milliseconds per PATCH, by side, at `rate` commands a second for `seconds`."""
    template = await scaling.ensure_template("membership", 1, verbose=False)
    async with cloned_database(template, "command_cpu") as url:
        members = await generated_members(url)
        pem = generate_private_key_pem()
        calls = [(org, token) for (org, _), token in zip(members, member_tokens(pem, members), strict=True)]
        port = free_port()
        extra = {"MEMBERSHIP_SIGNING_KEY_PEM": pem, "MEMBERSHIP_RUN_OUTBOX_RELAY": str(relay).lower()}
        env = service_env("membership", url, RunOptions(workers=workers), **extra)
        server = await start_server("membership-cpu", service_command("membership", port), env, port)
        try:
            async with aiohttp.ClientSession() as http:

                async def patch(n: int) -> None:
                    organisation_id, token = calls[n % len(calls)]
                    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
                    path = f"{server.url}/organisations/{organisation_id}"
                    async with http.patch(path, data=PATCH_BODY % n, headers=headers) as answer:
                        if answer.status != 200:
                            raise SystemExit(f"PATCH answered {answer.status}: {await answer.text()}")

                for n in range(WARM_UP):
                    await patch(n)
                await asyncio.sleep(2)  # the relay's backlog of the warm-up is sent
                cpu = CpuUse(
                    {
                        "service": server.pids,
                        "postgres": lambda: pids_running("postgres"),
                        "kafka": lambda: pids_running("kafka.Kafka"),
                    }
                )
                count = int(rate * seconds)
                started = time.perf_counter()
                sent = []
                for n in range(count):
                    await asyncio.sleep(max(0.0, started + n / rate - time.perf_counter()))
                    sent.append(asyncio.create_task(patch(WARM_UP + n)))
                await asyncio.gather(*sent)
                await asyncio.sleep(1)  # the relay publishes the last ones
                return {side: used / count * 1000 for side, used in cpu.seconds().items()}
        finally:
            await stop_server(server)


async def main(rate: float, seconds: float, workers: int) -> None:
    for relay in (True, False):
        used = await cpu_per_command(rate, seconds, relay=relay, workers=workers)
        parts = ", ".join(f"{side} {ms:.2f}" for side, ms in used.items())
        label = "relay on " if relay else "relay off"
        print(
            f"{label}: CPU ms per PATCH at {rate:g}/s, {workers} worker(s): {parts};"
            f" total {sum(used.values()):.2f}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.command_cpu")
    parser.add_argument("--rate", type=float, default=100)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2, help="as make up runs membership: 2")
    args = parser.parse_args()
    asyncio.run(main(args.rate, args.seconds, args.workers))
