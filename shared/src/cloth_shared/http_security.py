"""What every response of every service carries for safety, installed by `create_app`.

- Security headers on every response; API responses also forbid caching (`no-store`: tokens and
  personal data must not stay in a shared cache or the browser's), unless a route sets its own.
- 401 answers say how to authenticate (`WWW-Authenticate: Bearer`, RFC 6750), with
  `error="invalid_token"` when a token was sent and refused.
- Validation problems list at most MAX_LISTED_ERRORS errors: a body with 200,000 unknown keys
  must not be answered with megabytes.
- `/metrics` answers only in development and test unless `metrics_public` is set: elsewhere it is
  scraped from inside the cluster, not offered on the public port.
"""

from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cloth_shared import errors
from cloth_shared.auth.verifier import InvalidToken
from cloth_shared.http import problem_response

MAX_LISTED_ERRORS = 20
_DOCS_PATHS = ("/docs", "/redoc")
_API_POLICY = b"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
_DOCS_POLICY = (
    b"default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    b"img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'"
)
_COMMON: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def _metrics_public(scope: Scope) -> bool:
    infra = getattr(scope["app"].state, "infrastructure", None) if "app" in scope else None
    settings = getattr(infra, "settings", None)
    if settings is None:
        return False
    return settings.environment != "production" or bool(settings.metrics_public)


class SecurityHeadersMiddleware:
    """Adds the security headers (plain ASGI: no per-request task, see CorrelationIdMiddleware)."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        if path == "/metrics" and not _metrics_public(scope):
            await problem_response(404, "not-found", "no such resource")(scope, receive, send)
            return
        docs = path.startswith(_DOCS_PATHS)
        policy = _DOCS_POLICY if docs else _API_POLICY

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                present = {name.lower() for name, _ in headers}
                extra = [*_COMMON, (b"content-security-policy", policy), (b"cache-control", b"no-store")]
                headers += [(name, value) for name, value in extra if name not in present]
                message["headers"] = headers
            await send(message)

        await self._app(scope, receive, send_with_headers)


def _challenge(error: errors.DomainError) -> str:
    refused = isinstance(error, (InvalidToken, errors.TokenRefused))
    return 'Bearer error="invalid_token"' if refused else "Bearer"


async def _not_authenticated(_: Request, error: Exception) -> Response:
    assert isinstance(error, errors.NotAuthenticated)
    response = problem_response(401, error.code, error.detail, **error.extra)
    response.headers["WWW-Authenticate"] = _challenge(error)
    return response


async def _too_many_requests(_: Request, error: Exception) -> Response:
    assert isinstance(error, errors.TooManyRequests)
    response = problem_response(429, error.code, error.detail, **error.extra)
    retry_after = error.extra.get("retry_after_seconds")
    if retry_after is not None:
        response.headers["Retry-After"] = str(max(1, int(retry_after)))
    return response


async def _validation_error(_: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    issues = error.errors()
    fields: list[dict[str, Any]] = [
        {
            "field": ".".join(str(part) for part in issue["loc"])[:200],
            "message": issue["msg"],
            "type": issue["type"],
        }
        for issue in issues[:MAX_LISTED_ERRORS]
    ]
    return problem_response(
        422, "validation-failed", "The request is not valid.", errors=fields, error_count=len(issues)
    )


def install_http_security(app: FastAPI) -> None:
    """Handlers and middleware above; call after `install_problem_handlers` (they take precedence)."""
    app.add_exception_handler(errors.NotAuthenticated, _not_authenticated)
    app.add_exception_handler(errors.TooManyRequests, _too_many_requests)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_middleware(SecurityHeadersMiddleware)
