"""Request bodies read within limits: UTF-8 JSON only, capped in size before anything parses them.

A route class, so a router states its limit once and a route that takes uploads states its own:

    router = APIRouter(route_class=JsonRoute)                 # 1 MB JSON bodies
    uploads = APIRouter(route_class=json_route(max_bytes=10 * 2**20))

Beyond the limit the answer is a 413 problem (the body is never read whole); a body for a route
that parses JSON must be `application/json` (or `+json`) in UTF-8, else 415. A JSON number with a
zero fraction (`189.0`) is read as the integer it is. The class also
declares in OpenAPI the problems it and the shared dependencies can answer (401 for routes that
take a caller, 413/415/422 for routes with a body or parameters), so the document stays exact.
Being every service route's class, it is also where a route is matched quickly
(cloth_shared.route_matching) and, when it can be, called directly (cloth_shared.direct_calls).
"""

import json
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from starlette.types import Message

from cloth_shared.direct_calls import ParsedJsonRequest, direct_handler
from cloth_shared.http import problem_response
from cloth_shared.openapi import problem_responses
from cloth_shared.route_matching import LiteralPrefixRoute

DEFAULT_MAX_BYTES = 1024 * 1024
_JSON_TYPES = ("application/json",)


class _Refused(Exception):
    def __init__(self, response: Response) -> None:
        self.response = response


def _too_large(limit: int) -> _Refused:
    return _Refused(
        problem_response(413, "body-too-large", f"the body is larger than {limit} bytes", max_bytes=limit)
    )


async def _read_at_most(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise _too_large(limit)
    return bytes(body)


def _unsupported(detail: str) -> _Refused:
    return _Refused(problem_response(415, "unsupported-media-type", detail, accepted="application/json"))


def _check_json(request: Request, body: bytes) -> None:
    media_type, *parameters = (part.strip() for part in request.headers.get("content-type", "").split(";"))
    media_type = media_type.lower()
    if media_type not in _JSON_TYPES and not media_type.endswith("+json"):
        raise _unsupported("send the body as application/json")
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip('"').lower() not in ("utf-8", "utf8"):
            raise _unsupported("JSON bodies are UTF-8")
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        raise _unsupported("the body is not valid UTF-8") from None


def _number(literal: str) -> float | int:
    """A JSON number with a zero fraction (`189.0`, `1e2`) is that integer, as JSON and JSON Schema's
    `integer` say: StrictInt fields take it, StrictNumber fields take integers anyway."""
    value = float(literal)
    return int(value) if value.is_integer() else value


def _replaying(request: Request, body: bytes, *, parse_json: bool) -> Request:
    async def receive() -> Message:
        return {"type": "http.request", "body": body, "more_body": False}

    if parse_json and body:
        try:
            return ParsedJsonRequest(request.scope, receive, json.loads(body, parse_float=_number))
        except ValueError:
            pass  # FastAPI reads it again and answers its 422 `json_invalid`
    return Request(request.scope, receive)


def _depends_on_caller(dependant: Dependant) -> bool:
    from cloth_shared.auth.fastapi import authenticated, maybe_authenticated

    return any(
        sub.call in (authenticated, maybe_authenticated) or _depends_on_caller(sub)
        for sub in dependant.dependencies
    )


def _has_parameters(dependant: Dependant) -> bool:
    own = dependant.path_params or dependant.query_params or dependant.header_params or dependant.body_params
    return bool(own) or any(_has_parameters(sub) for sub in dependant.dependencies)


def json_route(*, max_bytes: int = DEFAULT_MAX_BYTES) -> type[APIRoute]:
    """A route class whose requests carry at most `max_bytes` of body, as UTF-8 JSON when parsed."""

    class JsonBodyRoute(LiteralPrefixRoute):
        def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
            super().__init__(path, endpoint, **kwargs)
            statuses = [401] if _depends_on_caller(self.dependant) else []
            if _has_parameters(self.dependant):
                statuses.append(422)
            if self.body_field is not None:
                statuses += [413, 415]
            for status, declared in problem_responses(*statuses).items():
                self.responses.setdefault(status, declared)

        def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
            handle = direct_handler(
                self.dependant, self.dependency_overrides_provider, super().get_route_handler()
            )
            parses_json = self.body_field is not None

            async def within_limits(request: Request) -> Response:
                if request.method in ("GET", "HEAD", "OPTIONS"):
                    return await handle(request)
                try:
                    body = await _read_at_most(request, max_bytes)
                    if parses_json and body:
                        _check_json(request, body)
                except _Refused as refused:
                    return refused.response
                return await handle(_replaying(request, body, parse_json=parses_json))

            return within_limits

    return JsonBodyRoute


JsonRoute = json_route()
