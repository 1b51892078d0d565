"""Runs the platform for real for the browser tests, runs a command against it, and stops it.

    .venv/bin/python web/e2e/run_platform.py -- npx --prefix web playwright test

The four services run as services.sh serves them (one worker each, on free ports) on throwaway
databases and their own Kafka topic namespace, behind the gateway (gateway.sh, on a free port)
serving web/dist, with the demo data loaded (demo-data.py, demo-exchange.py, demo-knowledge.py).
The command gets the gateway's address as GATEWAY_URL; its exit status is this script's.
Everything it started is stopped and its databases and topics are deleted afterwards, so runs
never see each other's data.
Needs KAFKA_BOOTSTRAP_SERVERS and TEST_DATABASE_ADMIN_URL (`deploy/local/infra.sh env`).
"""

import argparse
import asyncio
import contextlib
import os
import socket
import sys
import tempfile
from pathlib import Path
from uuid import uuid4

import httpx

from cloth_shared.testing.databases import throwaway_database
from cloth_shared.testing.topic_cleanup import delete_topics, existing_test_topics

REPO = Path(__file__).resolve().parents[2]
LOCAL = REPO / "deploy" / "local"
SERVICES = ("membership", "exchange", "knowledge", "notifications")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def run_to_end(*command: str, env: dict[str, str]) -> int:
    process = await asyncio.create_subprocess_exec(*command, env=env)
    return await process.wait()


async def must_succeed(*command: str, env: dict[str, str]) -> None:
    if code := await run_to_end(*command, env=env):
        raise RuntimeError(f"{' '.join(command)} failed ({code})")


async def load_exchange_demo(membership: str, exchange: str, env: dict[str, str]) -> None:
    """demo-exchange.py, again while exchange has not yet heard of the organisations membership
    just approved (it learns of them from events); the script is idempotent."""
    command = (sys.executable, str(LOCAL / "demo-exchange.py"), "--membership-url", membership)
    for _ in range(10):
        if await run_to_end(*command, "--exchange-url", exchange, env=env) == 0:
            return
        await asyncio.sleep(3)
    raise RuntimeError("the exchange demo data did not load")


async def start_service(name: str, port: int, env: dict[str, str], log: Path) -> asyncio.subprocess.Process:
    """`services.sh serve NAME PORT`, once its readiness endpoint answers."""
    with log.open("wb") as output:
        serve = ("bash", str(LOCAL / "services.sh"), "serve", name, str(port))
        process = await asyncio.create_subprocess_exec(*serve, env=env, stdout=output, stderr=output)
    async with httpx.AsyncClient(timeout=2) as client:
        for _ in range(600):
            if process.returncode is not None:
                break
            with contextlib.suppress(httpx.TransportError):
                if (await client.get(f"http://127.0.0.1:{port}/health/ready")).status_code == 200:
                    return process
            await asyncio.sleep(0.2)
    await stop(process)
    tail = await asyncio.to_thread(log.read_text)
    raise RuntimeError(f"{name} did not become ready:\n{tail[-3000:]}")


async def stop(process: asyncio.subprocess.Process) -> None:
    if process.returncode is not None:
        return
    process.terminate()
    try:
        await asyncio.wait_for(process.wait(), timeout=20)
    except TimeoutError:
        process.kill()
        await process.wait()


async def run(command: list[str]) -> int:
    kafka = os.environ["KAFKA_BOOTSTRAP_SERVERS"]
    admin_url = os.environ["TEST_DATABASE_ADMIN_URL"]
    ports = {name: free_port() for name in (*SERVICES, "gateway")}
    namespace = f"test-{uuid4().hex[:10]}."
    with tempfile.TemporaryDirectory(prefix="cloth-web-e2e-") as state:
        env = {
            **os.environ,
            "CLOTH_STATE_DIR": state,
            "CLOTH_WORKERS": "1",
            "CLOTH_ENV": "development",  # the demo administrator's default account
            "KAFKA_TOPIC_PREFIX": namespace,
            "GATEWAY_PORT": str(ports["gateway"]),
            "GATEWAY_STATE": f"{state}/gateway",
            **{f"{name.upper()}_PORT": str(ports[name]) for name in SERVICES},
        }
        gateway_script = ("bash", str(LOCAL / "gateway.sh"))
        try:
            async with contextlib.AsyncExitStack() as stack:
                for name in SERVICES:
                    url = await stack.enter_async_context(throwaway_database(admin_url, f"web{name}"))
                    env[f"{name.upper()}_DATABASE_URL"] = url
                for name in SERVICES:
                    process = await start_service(name, ports[name], env, Path(state) / f"{name}.log")
                    stack.push_async_callback(stop, process)
                await must_succeed(*gateway_script, "up", env=env)
                stack.push_async_callback(run_to_end, *gateway_script, "down", env=env)
                membership, exchange = (f"http://127.0.0.1:{ports[n]}" for n in ("membership", "exchange"))
                await must_succeed(sys.executable, str(LOCAL / "demo-data.py"), "--url", membership, env=env)
                await load_exchange_demo(membership, exchange, env)
                knowledge = f"http://127.0.0.1:{ports['knowledge']}"
                demo_knowledge = (sys.executable, str(LOCAL / "demo-knowledge.py"))
                urls = ("--membership-url", membership, "--knowledge-url", knowledge)
                await must_succeed(*demo_knowledge, *urls, env=env)
                gateway = f"http://127.0.0.1:{ports['gateway']}"
                print(f"-- platform ready behind {gateway}; running: {' '.join(command)}", flush=True)
                return await run_to_end(*command, env={**env, "GATEWAY_URL": gateway})
        finally:
            # Only this run's namespace: other people's tests create topics on the same broker meanwhile.
            ours = {topic for topic in await existing_test_topics(kafka) if topic.startswith(namespace)}
            await delete_topics(kafka, ours)


def main() -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("command", nargs=argparse.REMAINDER, help="what to run against it, after --")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command to run")
    return asyncio.run(run(command))


if __name__ == "__main__":
    sys.exit(main())
