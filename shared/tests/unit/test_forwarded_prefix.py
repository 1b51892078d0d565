"""Behind the gateway (/api/<service>/), the API docs link to the document and assets under the
prefix the gateway forwards; without it, or with anything but a plain path, links are unchanged."""

import re
from pathlib import Path

from fastapi.testclient import TestClient

from cloth_shared.service import ServiceDefinition, create_app


def docs_links(headers: dict[str, str]) -> list[str]:
    definition = ServiceDefinition(name="docs", title="Docs", description="", migrations_dir=Path("."))
    client = TestClient(create_app(definition, settings_factory=lambda: None))  # type: ignore[arg-type,return-value]
    page = client.get("/docs", headers=headers)
    assert page.status_code == 200
    return re.findall(r"""(?:url: |href=|src=)['"]([^'"]+)""", page.text)


def test_links_carry_the_prefix_the_gateway_forwards() -> None:
    links = docs_links({"X-Forwarded-Prefix": "/api/membership"})
    assert "/api/membership/openapi.json" in links
    assert all(link.startswith("/api/membership/") for link in links), links


def test_without_a_gateway_links_start_at_the_root() -> None:
    assert "/openapi.json" in docs_links({})


def test_a_prefix_that_is_not_a_plain_path_is_ignored() -> None:
    links = docs_links({"X-Forwarded-Prefix": "/api/x'><script>alert(1)</script>"})
    assert "/openapi.json" in links
    assert not any("script" in link for link in links)
