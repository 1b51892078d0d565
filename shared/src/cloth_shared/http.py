"""FastAPI pieces every service uses: problem-details handlers, correlation ids, health, metrics."""

import hashlib
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any
from uuid import UUID, uuid4

import orjson
from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cloth_shared import errors
from cloth_shared.context import bind_flow

CORRELATION_HEADER = "X-Correlation-ID"
_CORRELATION_HEADER_KEY = CORRELATION_HEADER.lower().encode()

STATUS_BY_ERROR: dict[type[errors.DomainError], int] = {
    errors.NotFound: 404,
    errors.Conflict: 409,
    errors.InvalidInput: 422,
    errors.NotAllowed: 403,
    errors.NotAuthenticated: 401,
    errors.TooManyRequests: 429,
}


def _status_of(error: errors.DomainError) -> int:
    for kind in type(error).__mro__:
        if kind in STATUS_BY_ERROR:
            return STATUS_BY_ERROR[kind]  # type: ignore[index]
    return 400


def problem_response(status: int, code: str, detail: str | None = None, **extra: Any) -> JSONResponse:
    body = errors.problem(status=status, code=code, title=HTTPStatus(status).phrase, detail=detail, **extra)
    return JSONResponse(body, status_code=status, media_type=errors.PROBLEM_CONTENT_TYPE)


async def _domain_error(_: Request, error: Exception) -> Response:
    assert isinstance(error, errors.DomainError)
    return problem_response(_status_of(error), error.code, error.detail, **error.extra)


async def _validation_error(_: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    fields = [
        {
            "field": ".".join(str(part) for part in issue["loc"]),
            "message": issue["msg"],
            "type": issue["type"],
        }
        for issue in error.errors()
    ]
    return problem_response(422, "validation-failed", "The request is not valid.", errors=fields)


_METHODS = ("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT")


def _allowed_methods(request: Request) -> str:
    """Every method some route serves at this path, asked of the router itself. Starlette names
    only the first route that matched the path: `Allow: GET` where GET and PATCH are two routes."""
    routes = request.app.router.routes
    return ", ".join(
        method
        for method in _METHODS
        if any(route.matches({**request.scope, "method": method})[0] == Match.FULL for route in routes)
    )


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    code = HTTPStatus(error.status_code).phrase.lower().replace(" ", "-")
    response = problem_response(error.status_code, code, str(error.detail))
    for name, value in (error.headers or {}).items():
        response.headers[name] = value
    if error.status_code == 405:
        response.headers["Allow"] = _allowed_methods(request)
    return response


async def _unexpected_error(_: Request, __: Exception) -> Response:
    return problem_response(500, "internal-error", "Something went wrong on our side.")


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(errors.DomainError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)


class CorrelationIdMiddleware:
    """Binds the request's correlation id (or a new one) to the flow and echoes it back.

    Plain ASGI rather than `@app.middleware("http")`, whose per-request task and stream
    wrapping halved the throughput of small requests in our measurements.
    """

    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        header = _CORRELATION_HEADER_KEY
        given = b""
        for name, value in scope["headers"]:
            if name == header:
                given = value[:128]
                break
        if given:
            correlation_id = given.decode("latin-1")
        else:
            correlation_id = str(uuid4())
            given = correlation_id.encode("latin-1")
        bind_flow(correlation_id)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), (header, given)]
            await send(message)

        await self._app(scope, receive, send_with_id)


def install_correlation_ids(app: FastAPI) -> None:
    app.add_middleware(CorrelationIdMiddleware)


def _readiness(*, ok: bool) -> dict[str, Any]:
    """The readiness answer as documented: each dependency checked, `unavailable` with a 503."""
    checks = {"database": True, "kafka": ok, "outbox_relay": True}
    schema = {
        "type": "object",
        "required": ["status", "checks"],
        "properties": {
            "status": {"type": "string", "enum": ["ok", "unavailable"]},
            "checks": {"type": "object", "additionalProperties": {"type": "boolean"}},
        },
    }
    example = {"status": "ok" if ok else "unavailable", "checks": checks}
    description = "Every dependency answers." if ok else "Some dependency does not answer."
    content = {"application/json": {"schema": schema, "example": example}}
    return {"description": description, "content": content}


def install_operational_endpoints(app: FastAPI, readiness: Callable[[], Awaitable[dict[str, bool]]]) -> None:
    """Liveness, readiness (each dependency answers) and Prometheus metrics."""

    @app.get("/health/live", tags=["operations"], summary="The process is up.")
    async def live() -> dict[str, str]:
        return {"status": "ok"}

    @app.get(
        "/health/ready",
        tags=["operations"],
        summary="The service's dependencies answer.",
        responses={200: _readiness(ok=True), 503: _readiness(ok=False)},
    )
    async def ready() -> JSONResponse:
        checks = await readiness()
        ok = all(checks.values())
        return JSONResponse(
            {"status": "ok" if ok else "unavailable", "checks": checks}, status_code=200 if ok else 503
        )

    @app.get("/metrics", tags=["operations"], include_in_schema=False)
    async def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


def model_response(model: BaseModel, *, status_code: int = 200) -> Response:
    """A model the route built (so already valid), encoded once, as FastAPI's fast path encodes it.

    A route returning a model has FastAPI validate it against the route's `response_model` and
    encode it again; a route on a hot path returns this instead and keeps `response_model=` in
    its declaration, so the OpenAPI document is unchanged.
    """
    body = model.__pydantic_serializer__.to_json(model, by_alias=True)
    return Response(body, status_code=status_code, media_type="application/json")


def json_bytes(value: Any) -> bytes:
    """Plain values (dicts, lists, str, numbers, UUIDs, enums) as JSON, written by orjson: for
    list answers whose schema a response model declares but that are cheaper written directly.

    asyncpg returns its own UUID subclass, which orjson does not take as a UUID. UTC times end in
    "Z", as pydantic writes them, so both paths give the same text.
    """
    return orjson.dumps(value, default=_uuid_text, option=orjson.OPT_UTC_Z)


def _uuid_text(value: Any) -> str:
    if isinstance(value, UUID):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


# Public reads (directory, map, figures) may be kept by browsers and shared caches this long;
# every other response is `no-store` (cloth_shared.http_security) unless its route says otherwise.
PUBLIC_MAX_AGE_SECONDS = 30


def _etag_matches(if_none_match: str, etag: str) -> bool:
    """RFC 9110 If-None-Match: `*`, or any listed tag equal to ours under weak comparison."""
    if if_none_match.strip() == "*":
        return True
    return any(tag.strip().removeprefix("W/") == etag for tag in if_none_match.split(","))


def public_response(
    request: Request,
    body: bytes,
    *,
    media_type: str = "application/json",
    max_age: int = PUBLIC_MAX_AGE_SECONDS,
    headers: dict[str, str] | None = None,
) -> Response:
    """A public, cacheable answer: an ETag of its body, `Cache-Control: public, max-age=…`, and
    304 Not Modified (no body) when the request's If-None-Match names that ETag.

    The ETag is derived from the body alone, so every replica gives the same tag for the same data.
    """
    etag = f'"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'
    cache = {"ETag": etag, "Cache-Control": f"public, max-age={max_age}"}
    if_none_match = request.headers.get("if-none-match")
    if if_none_match and _etag_matches(if_none_match, etag):
        return Response(status_code=304, headers=cache)
    return Response(body, media_type=media_type, headers={**(headers or {}), **cache})
