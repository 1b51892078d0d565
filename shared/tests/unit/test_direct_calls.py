"""A route called directly answers exactly as FastAPI's own handler answers it."""

from typing import Annotated
from uuid import UUID, uuid4

import fastapi.dependencies.utils
import fastapi.routing
import pytest
from fastapi import APIRouter, Body, Depends, FastAPI, Request, Response
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field

import cloth_shared.bodies
from cloth_shared.bodies import JsonRoute
from cloth_shared.errors import NotAuthenticated
from cloth_shared.http import install_problem_handlers
from cloth_shared.service import add_routes

awaited: list[str] = []


async def settings(request: Request) -> str:
    awaited.append("settings")
    return request.headers.get("x-tenant", "default")


async def caller(request: Request, tenant: Annotated[str, Depends(settings)]) -> str:
    if "authorization" not in request.headers:
        raise NotAuthenticated("sign in", code="not-authenticated")
    return f"{tenant}:{request.headers['authorization']}"


async def read(
    item_id: UUID,
    who: Annotated[str, Depends(caller)],
    tenant: Annotated[str, Depends(settings)],
    request: Request,
) -> Response:
    return Response(f"{item_id} {who} {tenant} {request.method}", media_type="text/plain")


async def listed(item_id: UUID, who: Annotated[str, Depends(caller)], page: int = 1) -> Response:
    return Response(f"{item_id} {who} {page}", media_type="text/plain")


async def pair(first: UUID, second: int, who: Annotated[str, Depends(caller)]) -> Response:
    return Response(f"{first} {second} {who}", media_type="text/plain")


def _app(route_class: type[APIRoute]) -> FastAPI:
    router = APIRouter(route_class=route_class)
    router.add_api_route("/items/{item_id}", read, methods=["GET"])
    router.add_api_route("/pairs/{first}/{second}", pair, methods=["GET"])
    router.add_api_route("/lists/{item_id}", listed, methods=["GET"])
    app = FastAPI()
    install_problem_handlers(app)
    add_routes(app, router)
    return app


REQUESTS = [
    ("/items/" + str(uuid4()), {"authorization": "Bearer a", "x-tenant": "es"}),
    ("/items/" + str(uuid4()), {"authorization": "Bearer a"}),
    ("/items/not-a-uuid", {"authorization": "Bearer a"}),  # 422 from the path parameter
    ("/items/not-a-uuid", {}),  # the dependency answers first: 401, as FastAPI orders them
    ("/items/" + str(uuid4()), {}),
    ("/pairs/" + str(uuid4()) + "/7", {"authorization": "Bearer a"}),
    ("/pairs/x/y", {"authorization": "Bearer a"}),  # both wrong: both errors, in order
    ("/pairs/" + str(uuid4()) + "/y", {"authorization": "Bearer a"}),
    ("/lists/" + str(uuid4()) + "?page=3", {"authorization": "Bearer a"}),  # a query: FastAPI's
    ("/lists/" + str(uuid4()) + "?page=x", {"authorization": "Bearer a"}),
]


@pytest.mark.parametrize(("path", "headers"), REQUESTS)
def test_the_answer_is_fastapis_own(path: str, headers: dict[str, str]) -> None:
    direct = TestClient(_app(JsonRoute)).get(path, headers=headers)
    solved = TestClient(_app(APIRoute)).get(path, headers=headers)
    assert (direct.status_code, direct.headers.get("content-type"), direct.content) == (
        solved.status_code,
        solved.headers.get("content-type"),
        solved.content,
    )


@pytest.fixture
def solved(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The dependants FastAPI's solver was asked to solve, request by request."""
    asked: list[object] = []
    solve = fastapi.dependencies.utils.solve_dependencies

    async def counting(**kwargs: object) -> object:
        asked.append(kwargs["dependant"])
        return await solve(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fastapi.routing, "solve_dependencies", counting)
    return asked


def test_an_eligible_route_skips_fastapis_solver_and_awaits_a_shared_dependency_once(
    solved: list[object],
) -> None:
    client = TestClient(_app(JsonRoute))
    awaited.clear()
    assert client.get(f"/items/{uuid4()}", headers={"authorization": "Bearer a"}).status_code == 200
    assert solved == [] and awaited == ["settings"]
    assert client.get(f"/lists/{uuid4()}?page=2", headers={"authorization": "Bearer a"}).status_code == 200
    assert len(solved) == 1  # a query parameter: FastAPI's handler


def test_dependency_overrides_apply_to_a_route_called_directly() -> None:
    app = _app(JsonRoute)

    async def signed_in() -> str:
        return "someone"

    app.dependency_overrides[caller] = signed_in
    answer = TestClient(app).get(f"/items/{uuid4()}")
    assert answer.status_code == 200 and " someone default GET" in answer.text


def test_an_included_route_keeps_its_inclusions_dependencies() -> None:
    included: list[str] = []

    async def audit(request: Request) -> None:
        included.append(request.url.path)

    router = APIRouter(route_class=JsonRoute)
    router.add_api_route("/items/{item_id}", read, methods=["GET"])
    app = FastAPI()
    app.include_router(router, dependencies=[Depends(audit)])
    path = f"/items/{uuid4()}"
    assert TestClient(app).get(path, headers={"authorization": "Bearer a"}).status_code == 200
    assert included == [path]


class Change(BaseModel):
    name: str = Field(min_length=1)
    size: int | None = None


async def change(item_id: UUID, body: Change, who: Annotated[str, Depends(caller)]) -> Response:
    return Response(f"{item_id} {body.name} {body.size} {who}", media_type="text/plain")


async def embedded(item_id: UUID, name: Annotated[str, Body(embed=True)]) -> Response:
    return Response(f"{item_id} {name}", media_type="text/plain")


def _body_app() -> FastAPI:
    router = APIRouter(route_class=JsonRoute)
    router.add_api_route("/changes/{item_id}", change, methods=["PATCH"])
    router.add_api_route("/names/{item_id}", embedded, methods=["PATCH"])
    app = FastAPI()
    install_problem_handlers(app)
    add_routes(app, router)
    return app


def _fastapis_handler(dependant: object, overrides_provider: object, fallback: object) -> object:
    return fallback


SIGNED = {"authorization": "Bearer a", "content-type": "application/json"}
BODY_REQUESTS = [
    ("/changes/" + str(uuid4()), SIGNED, b'{"name": "Modacc", "size": 3}'),
    ("/changes/" + str(uuid4()), SIGNED, b'{"name": "Modacc", "size": 3.0}'),  # read as 3
    ("/changes/" + str(uuid4()), SIGNED, b'{"name": "", "size": "big"}'),  # two field errors
    ("/changes/" + str(uuid4()), SIGNED, b'{"size": 3}'),  # a required field missing
    ("/changes/" + str(uuid4()), SIGNED, b"[1, 2]"),  # not an object
    ("/changes/" + str(uuid4()), SIGNED, b"null"),
    ("/changes/not-a-uuid", SIGNED, b'{"name": ""}'),  # path and body errors, in FastAPI's order
    ("/changes/" + str(uuid4()), SIGNED, b'{"name": "x",'),  # not JSON: FastAPI's handler
    ("/changes/" + str(uuid4()), SIGNED, b""),  # no body: FastAPI's handler
    ("/changes/" + str(uuid4()), {"content-type": "application/json"}, b'{"name": ""}'),  # 401 first
    ("/names/" + str(uuid4()), SIGNED, b'{"name": "Modacc"}'),  # embedded: FastAPI's handler
    ("/names/" + str(uuid4()), SIGNED, b'{"other": 1}'),
]


@pytest.mark.parametrize(("path", "headers", "body"), BODY_REQUESTS)
def test_a_body_is_validated_as_fastapi_validates_it(
    path: str, headers: dict[str, str], body: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    direct = TestClient(_body_app()).patch(path, headers=headers, content=body)
    monkeypatch.setattr(cloth_shared.bodies, "direct_handler", _fastapis_handler)
    solved = TestClient(_body_app()).patch(path, headers=headers, content=body)
    assert (direct.status_code, direct.headers.get("content-type"), direct.content) == (
        solved.status_code,
        solved.headers.get("content-type"),
        solved.content,
    )


def test_a_route_with_one_json_body_skips_fastapis_solver(solved: list[object]) -> None:
    client = TestClient(_body_app())
    answer = client.patch(f"/changes/{uuid4()}", headers=SIGNED, content=b'{"name": "Modacc"}')
    assert answer.status_code == 200 and answer.text.endswith(" Modacc None default:Bearer a")
    assert solved == []
    assert client.patch(f"/names/{uuid4()}", headers=SIGNED, content=b'{"name": "x"}').status_code == 200
    assert len(solved) == 1  # an embedded body: FastAPI's handler
