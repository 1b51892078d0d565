"""Routes whose inputs are path parameters, a JSON body and dependencies on the request are called
directly.

FastAPI (0.163) solves a route's dependencies by working out again, on every request, what each
dependency is (a generator or not, its cache key, its scopes) and by recording telemetry: about
45 µs a request on this machine for a read with three dependencies, more than the rest of
FastAPI's handler (bench/README.md, "Whole run with routes declared on the app and dependencies
called directly").
For a route whose endpoint takes only path parameters, at most one JSON body (a single model, not
embedded) and dependencies that take only the request and other such dependencies,
`direct_handler` works that out once, at start-up. Per request it then does what FastAPI's
handler does, in its order: awaits each dependency once (a dependency two others need is awaited
once, as FastAPI caches it), validates each path parameter with its own FastAPI field (the same
422 errors; FastAPI's generic function re-examined each field's type on every request), then the
body with its field, and awaits the endpoint, whose Response is the answer. The body is the one
the route class already parsed (`ParsedJsonRequest`, cloth_shared.bodies); a request whose body
is empty or not JSON goes to FastAPI's handler, which words those errors.

Everything else keeps FastAPI's handler: query, header, cookie or form parameters, several or
embedded body parameters, dependencies with `yield`, plain functions (FastAPI runs those in a
thread), security scopes, background tasks, an endpoint that returns a model for FastAPI to
serialise, a route built for an inclusion (whose own dependencies the route does not hold), and
any request while the app has dependency overrides (tests), so an override always applies.
"""

import inspect
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any

import fastapi.routing
from fastapi import Request, Response, params
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel
from starlette.types import Receive, Scope

Handler = Callable[[Request], Coroutine[Any, Any, Response]]


class ParsedJsonRequest(Request):
    """A request whose JSON body was read and parsed once, before any handler (FastAPI's reads it
    through `json()`; a direct call takes `parsed`)."""

    def __init__(self, scope: Scope, receive: Receive, parsed: Any) -> None:
        super().__init__(scope, receive)
        self.parsed = parsed

    async def json(self) -> Any:
        return self.parsed


@dataclass(frozen=True, slots=True)
class _Call:
    """One dependency: what it fills, the function, and what it needs before it."""

    name: str
    call: Callable[..., Awaitable[Any]]
    request_parameter: str | None
    needs: tuple["_Call", ...]
    cached: bool


def _takes_nothing_but_the_request(dependant: Dependant, *, but_a_body: bool = False) -> bool:
    return not (
        dependant.query_params
        or dependant.header_params
        or dependant.cookie_params
        or (dependant.body_params and not but_a_body)
        or dependant.websocket_param_name
        or dependant.http_connection_param_name
        or dependant.response_param_name
        or dependant.background_tasks_param_name
        or dependant.security_scopes_param_name
        or dependant.own_oauth_scopes
        or dependant.parent_oauth_scopes
    )


def _needs(dependant: Dependant) -> tuple[_Call, ...] | None:
    """The dependencies, each callable directly; None if one of them is not."""
    calls = []
    for sub in dependant.dependencies:
        if (
            sub.name is None
            or sub.path_params
            or not _takes_nothing_but_the_request(sub)
            # A coroutine function: not a plain function (threaded) nor a generator (`yield`).
            or not inspect.iscoroutinefunction(sub.call)
        ):
            return None
        needs = _needs(sub)
        if needs is None:
            return None
        calls.append(_Call(sub.name, sub.call, sub.request_param_name, needs, sub.use_cache))
    return tuple(calls)


def _is_model(annotation: Any) -> bool:
    return inspect.isclass(annotation) and issubclass(annotation, BaseModel)


def _plain_path_parameters(dependant: Dependant) -> bool:
    """Each path parameter a single value found under its own alias (what a matched route holds)."""
    return all(
        isinstance(field.field_info, params.Path)
        and field.field_info.validation_alias is None
        and not _is_model(field.field_info.annotation)
        for field in dependant.path_params
    )


def _single_json_body(dependant: Dependant) -> bool:
    """No body, or one model read from the whole JSON body (what FastAPI calls a single field not
    embedded): not a form, not a file, not one of several."""
    if not dependant.body_params:
        return True
    if len(dependant.body_params) != 1:
        return False
    info = dependant.body_params[0].field_info
    return (
        isinstance(info, params.Body)
        and not isinstance(info, params.Form)
        and not info.embed
        and _is_model(info.annotation)
    )


def _built_for_an_inclusion() -> bool:
    """FastAPI builds an included route's handler with the inclusion's own dependencies added,
    marking it in this context variable; services add their routes to the app instead
    (cloth_shared.service.add_routes), so only a test's app gets here. Without the variable (a
    FastAPI that renamed it) no route is called directly: slower, never wrong."""
    context = getattr(fastapi.routing, "_effective_route_context_var", None)
    return context is None or context.get() is not None


def _answers_with_a_response(endpoint: Callable[..., Any]) -> bool:
    answer = inspect.signature(endpoint).return_annotation
    return inspect.isclass(answer) and issubclass(answer, Response)


async def _solved(call: _Call, request: Request, solved: dict[Callable[..., Any], Any]) -> Any:
    if call.cached and call.call in solved:
        return solved[call.call]
    arguments = {need.name: await _solved(need, request, solved) for need in call.needs}
    if call.request_parameter is not None:
        arguments[call.request_parameter] = request
    value = await call.call(**arguments)
    if call.cached:
        solved[call.call] = value
    return value


def direct_handler(dependant: Dependant, overrides_provider: Any, fallback: Handler) -> Handler:
    """The route's handler: the direct call where it applies (module docstring), else `fallback`."""
    endpoint = dependant.call
    needs = _needs(dependant)
    if (
        endpoint is None
        or _built_for_an_inclusion()
        or needs is None
        or not _takes_nothing_but_the_request(dependant, but_a_body=True)
        or not _single_json_body(dependant)
        or not _plain_path_parameters(dependant)
        or not inspect.iscoroutinefunction(endpoint)
        or not _answers_with_a_response(endpoint)
    ):
        return fallback
    path_parameters = [(field, field.alias, ("path", field.alias)) for field in dependant.path_params]
    body = dependant.body_params[0] if dependant.body_params else None
    request_parameter = dependant.request_param_name

    async def handle(request: Request) -> Response:
        if getattr(overrides_provider, "dependency_overrides", None):
            return await fallback(request)
        if body is not None and not isinstance(request, ParsedJsonRequest):
            return await fallback(request)  # an empty body, or not JSON: FastAPI's 422
        solved: dict[Callable[..., Any], Any] = {}
        arguments = {need.name: await _solved(need, request, solved) for need in needs}
        values: dict[str, Any] = {}
        errors: list[Any] = []
        for field, alias, where in path_parameters:
            value, wrong = field.validate(request.path_params[alias], values, loc=where)
            if wrong:
                errors += wrong
            else:
                values[field.name] = value
        if body is not None:
            assert isinstance(request, ParsedJsonRequest)
            value, wrong = body.validate(request.parsed, {}, loc=("body",))
            if wrong:
                errors += wrong
            else:
                values[body.name] = value
        if errors:
            raise RequestValidationError(errors)
        arguments.update(values)
        if request_parameter is not None:
            arguments[request_parameter] = request
        answer: Response = await endpoint(**arguments)
        return answer

    return handle
