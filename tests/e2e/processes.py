"""Services and brokers as separate OS processes, the way `make up` runs them."""

import asyncio
import os
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parents[2]
LOCAL_SCRIPTS = REPO_ROOT / "deploy" / "local"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class ServiceProcess:
    name: str
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=self.url, timeout=10)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


async def start_service(name: str, env: dict[str, str], log_dir: Path) -> ServiceProcess:
    """Start `uvicorn <name>.main:app` and wait until its readiness endpoint says ok."""
    port = free_port()
    log_path = log_dir / f"{name}.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", f"{name}.main:app", "--host", "127.0.0.1", "--port", str(port)],
        env={**os.environ, **env},
        stdout=log_path.open("wb"),
        stderr=subprocess.STDOUT,
    )
    service = ServiceProcess(name, port, process, log_path)
    async with httpx.AsyncClient(base_url=service.url, timeout=2) as client:
        for _ in range(300):
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited: {log_path.read_text()[-3000:]}")
            try:
                if (await client.get("/health/ready")).status_code == 200:
                    return service
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    service.stop()
    raise RuntimeError(f"{name} did not become ready: {log_path.read_text()[-3000:]}")


@dataclass
class PrivateKafka:
    """A Kafka broker of one test's own, on free ports, that the test may stop and restart."""

    home: Path
    port: int
    controller_port: int

    @property
    def bootstrap_servers(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _run(self, verb: str) -> None:
        env = {
            **os.environ,
            "KAFKA_HOME": str(self.home),
            "KAFKA_PORT": str(self.port),
            "KAFKA_CONTROLLER_PORT": str(self.controller_port),
            "KAFKA_LOG": str(self.home / "kafka.log"),
        }
        subprocess.run(
            ["bash", str(LOCAL_SCRIPTS / "kafka.sh"), verb], env=env, check=True, capture_output=True
        )

    def start(self) -> None:
        self._run("up")

    def stop(self) -> None:
        self._run("down")
