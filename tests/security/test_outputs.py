"""What the services send back: neutralised CSV cells, security headers, no caching, no open metrics."""

import csv
import io

import httpx
import pytest
from fastapi import FastAPI

from cloth_shared.http_security import install_http_security


async def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(membership):
    await membership.active(legal_name='=HYPERLINK("http://evil.example","click")', city="@SUM(A1)")
    answer = await membership.http.get("/map/organisations.csv")
    [header, row] = list(csv.reader(io.StringIO(answer.text)))
    values = dict(zip(header, row, strict=True))
    assert values["legal_name"].startswith("'=")
    assert values["city"] == "'@SUM(A1)"


async def test_every_response_carries_the_security_headers_and_tokens_are_not_cached(membership):
    for answer in (
        await membership.http.get("/clusters"),
        await membership.http.get("/people/me"),
        await membership.http.post(
            "/auth/sign-in", json={"email": membership.admin_email, "password": membership.admin_password}
        ),
    ):
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["x-frame-options"] == "DENY"
        assert answer.headers["referrer-policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
        assert answer.headers["cache-control"] == "no-store"


class _Settings:
    def __init__(self, environment: str, metrics_public: bool = False) -> None:
        self.environment, self.metrics_public = environment, metrics_public


class _Infra:
    def __init__(self, settings: _Settings) -> None:
        self.settings = settings


@pytest.mark.parametrize(
    ("environment", "metrics_public", "status"),
    [("production", False, 404), ("production", True, 200), ("development", False, 200)],
)
async def test_metrics_are_refused_in_production_unless_configured(environment, metrics_public, status):
    app = FastAPI()
    install_http_security(app)

    @app.get("/metrics")
    async def metrics() -> str:
        return "cloth_requests_total 1"

    app.state.infrastructure = _Infra(_Settings(environment, metrics_public))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        assert (await client.get("/metrics")).status_code == status
