"""The API docs work on a machine without internet: their assets come from the service itself."""

import re
from pathlib import Path

from fastapi.testclient import TestClient

from cloth_shared.service import ServiceDefinition, create_app


def app() -> TestClient:
    definition = ServiceDefinition(name="docs", title="Docs", description="", migrations_dir=Path("."))
    return TestClient(create_app(definition, settings_factory=lambda: None))  # type: ignore[arg-type,return-value]


def test_the_docs_page_loads_its_scripts_and_styles_from_the_service_not_a_cdn() -> None:
    client = app()
    page = client.get("/docs")
    assert page.status_code == 200
    external = [url for url in re.findall(r"""(?:src|href)=["']([^"']+)""", page.text) if "://" in url]
    assert external == []
    assets = re.findall(r"""['"](/static-offline-docs/[^'"]+)""", page.text)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets), assets
    for asset in assets:
        served = client.get(asset)
        assert served.status_code == 200 and len(served.content) > 1000, asset


def test_the_docs_page_may_run_only_its_own_scripts() -> None:
    policy = app().get("/docs").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "http" not in policy
