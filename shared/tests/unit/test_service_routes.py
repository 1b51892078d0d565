"""A service's routers become the app's own routes: matched once, not through included branches."""

from pathlib import Path
from typing import Annotated

import pytest
from fastapi import APIRouter, Depends
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from cloth_shared.service import ServiceDefinition, create_app


async def greeting() -> str:
    return "hello"


def _router(*paths: str) -> APIRouter:
    router = APIRouter(tags=["area"])
    for path in paths:

        async def answer(item_id: int, said: Annotated[str, Depends(greeting)]) -> dict[str, int | str]:
            return {"item_id": item_id, "said": said}

        router.add_api_route(path, answer, methods=["GET"], name=path)
    return router


def _definition(*routers: APIRouter) -> ServiceDefinition:
    return ServiceDefinition(
        name="routes", title="Routes", description="", migrations_dir=Path("."), http_routers=routers
    )


def test_each_routers_routes_are_the_apps_own_in_their_order_and_answer() -> None:
    first, second = _router("/a/{item_id}", "/b/{item_id}"), _router("/c/{item_id}")
    app = create_app(_definition(first, second), settings_factory=lambda: None)  # type: ignore[arg-type,return-value]
    served = [route for route in app.router.routes if isinstance(route, APIRoute) and route.tags == ["area"]]
    declared = [*first.routes, *second.routes]
    assert [(r.path, r.endpoint) for r in served] == [(r.path, r.endpoint) for r in declared]  # type: ignore[attr-defined]
    client = TestClient(app)
    assert client.get("/c/7").json() == {"item_id": 7, "said": "hello"}
    assert client.get("/a/x").status_code == 422  # the route's own validation, as when included
    assert "/b/{item_id}" in client.get("/openapi.json").json()["paths"]


def test_each_app_has_its_own_dependency_overrides_as_with_included_routers() -> None:
    router = _router("/a/{item_id}")
    overridden = create_app(_definition(router), settings_factory=lambda: None)  # type: ignore[arg-type,return-value]
    plain = create_app(_definition(router), settings_factory=lambda: None)  # type: ignore[arg-type,return-value]

    async def bonjour() -> str:
        return "bonjour"

    overridden.dependency_overrides[greeting] = bonjour
    assert TestClient(overridden).get("/a/1").json()["said"] == "bonjour"
    assert TestClient(plain).get("/a/1").json()["said"] == "hello"


def test_a_router_that_includes_another_is_refused() -> None:
    outer = APIRouter()
    outer.include_router(_router("/a/{item_id}"))
    with pytest.raises(TypeError, match="http_routers"):
        create_app(_definition(outer), settings_factory=lambda: None)  # type: ignore[arg-type,return-value]


def test_the_services_routes_are_matched_before_the_docs_and_the_probes_which_still_answer() -> None:
    app = create_app(_definition(_router("/a/{item_id}")), settings_factory=lambda: None)  # type: ignore[arg-type,return-value]
    paths = [getattr(route, "path", "") for route in app.router.routes]
    assert paths[0] == "/a/{item_id}"
    assert paths.index("/a/{item_id}") < min(paths.index("/docs"), paths.index("/health/live"))
    client = TestClient(app)
    assert client.get("/health/live").status_code == 200
    assert client.get("/docs").status_code == 200
