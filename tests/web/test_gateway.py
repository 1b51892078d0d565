"""The gateway's nginx configuration, run by deploy/local/gateway.sh in front of a stand-in
service: the app with its fallback and headers, /api/<service>/ routed with the prefix stripped
and forwarded, bodies capped, HSTS only when configured."""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
GATEWAY = REPO / "deploy" / "local" / "gateway.sh"
SERVICES = ("membership", "exchange", "knowledge", "notifications")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class EchoService(BaseHTTPRequestHandler):
    """Answers every request with the path and the forwarding headers it received."""

    def do_GET(self) -> None:
        self._echo()

    def do_POST(self) -> None:
        self._echo()

    def _echo(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = json.dumps({"path": self.path, "prefix": self.headers.get("X-Forwarded-Prefix")}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def service_port() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), EchoService)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()


def run_gateway(tmp: Path, service_port: int, **extra: str) -> Iterator[str]:
    web = tmp / "web"
    (web / "assets").mkdir(parents=True)
    (web / "index.html").write_text("<!doctype html><title>app</title>")
    (web / "assets" / "app-1a2b.js").write_text("console.log('app')")
    port = free_port()
    env = {
        **os.environ,
        "GATEWAY_PORT": str(port),
        "GATEWAY_STATE": str(tmp / "gateway"),
        "GATEWAY_WEB_ROOT": str(web),
        **{f"{name.upper()}_PORT": str(service_port) for name in SERVICES},
        **extra,
    }
    subprocess.run(["bash", str(GATEWAY), "up"], env=env, check=True, capture_output=True)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        subprocess.run(["bash", str(GATEWAY), "down"], env=env, check=True, capture_output=True)


@pytest.fixture
def readable_tmp() -> Iterator[Path]:
    """A folder nginx's unprivileged workers can read (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="cloth-gateway-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def gateway(readable_tmp: Path, service_port: int) -> Iterator[str]:
    yield from run_gateway(readable_tmp, service_port)


def test_any_app_path_is_answered_with_the_app_under_a_strict_policy(gateway: str) -> None:
    page = httpx.get(f"{gateway}/map")
    assert page.status_code == 200
    assert "<title>app</title>" in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert page.headers["cache-control"] == "no-cache"
    assert "strict-transport-security" not in page.headers


def test_built_assets_are_cached_for_a_year(gateway: str) -> None:
    asset = httpx.get(f"{gateway}/assets/app-1a2b.js")
    assert asset.status_code == 200
    assert asset.headers["cache-control"] == "max-age=31536000"


@pytest.mark.parametrize("service", SERVICES)
def test_each_service_gets_its_path_without_the_prefix_and_is_told_it(gateway: str, service: str) -> None:
    answer = httpx.get(f"{gateway}/api/{service}/people/me?x=1")
    assert answer.json() == {"path": "/people/me?x=1", "prefix": f"/api/{service}"}
    assert "content-security-policy" not in answer.headers  # the service's own headers only


def test_an_unknown_api_is_not_found_rather_than_the_app(gateway: str) -> None:
    assert httpx.get(f"{gateway}/api/billing/invoices").status_code == 404


def test_bodies_are_capped_except_evidence_uploads(gateway: str) -> None:
    two_mib = b"x" * (2 * 2**20)
    assert httpx.post(f"{gateway}/api/membership/organisations", content=two_mib).status_code == 413
    upload = httpx.post(f"{gateway}/api/exchange/exchanges/e1/evidence", content=two_mib)
    assert upload.json() == {"path": "/exchanges/e1/evidence", "prefix": "/api/exchange"}


def test_production_adds_hsts(readable_tmp: Path, service_port: int) -> None:
    policy = "max-age=63072000; includeSubDomains"
    for gateway in run_gateway(readable_tmp, service_port, GATEWAY_HSTS=policy):
        assert httpx.get(f"{gateway}/").headers["strict-transport-security"] == policy
