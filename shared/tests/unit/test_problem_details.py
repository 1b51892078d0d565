"""Every error leaves a service in one problem-details shape with a stable code."""

from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict

from cloth_shared.errors import Conflict, NotFound
from cloth_shared.http import CORRELATION_HEADER, install_correlation_ids, install_problem_handlers


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str


def make_client() -> TestClient:
    app = FastAPI()
    install_problem_handlers(app)
    install_correlation_ids(app)

    @app.post("/things")
    async def create(body: Body) -> dict[str, str]:
        return {"name": body.name}

    @app.get("/missing")
    async def missing() -> None:
        raise NotFound("no such thing", code="thing-not-found")

    @app.get("/conflict")
    async def conflict() -> None:
        raise Conflict("already there", code="duplicate-thing", field="name")

    @app.get("/crash")
    async def crash() -> None:
        raise RuntimeError("secret internals")

    return TestClient(app, raise_server_exceptions=False)


def test_a_domain_error_becomes_its_status_with_code_and_extra_fields() -> None:
    response = make_client().get("/conflict")
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "duplicate-thing" and body["type"] == "urn:cloth:problem:duplicate-thing"
    assert body["field"] == "name"


def test_not_found_is_404() -> None:
    assert make_client().get("/missing").json()["status"] == 404


def test_unknown_and_invalid_fields_are_named_in_a_422() -> None:
    response = make_client().post("/things", json={"name": 3, "colour": "red"})
    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"body.name", "body.colour"}


def test_an_unexpected_error_is_a_500_that_hides_internals() -> None:
    response = make_client().get("/crash")
    assert response.status_code == 500
    assert "secret" not in response.text and response.json()["code"] == "internal-error"


def test_the_correlation_id_is_echoed_or_created() -> None:
    client = make_client()
    assert client.get("/missing", headers={CORRELATION_HEADER: "abc"}).headers[CORRELATION_HEADER] == "abc"
    assert len(client.get("/missing").headers[CORRELATION_HEADER]) == 36
