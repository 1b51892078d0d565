"""OpenAPI declarations of the problem documents a route can answer with.

Clients are generated from each service's OpenAPI document, so every route declares the
error statuses it can return, with the `application/problem+json` body and an example.
"""

from typing import Any

from cloth_shared.errors import PROBLEM_CONTENT_TYPE, problem

_EXAMPLES: dict[int, tuple[str, str, str]] = {
    400: ("bad-request", "Bad request", "the request could not be read"),
    401: ("not-authenticated", "Unauthorized", "sign in: this needs a bearer access token"),
    403: ("forbidden", "Forbidden", "only the organisation's own people may do this"),
    404: ("not-found", "Not found", "no such resource"),
    409: ("conflict", "Conflict", "the request contradicts the current state"),
    413: ("too-large", "Content too large", "the body is larger than allowed"),
    415: ("unsupported-media-type", "Unsupported media type", "send the body as application/json"),
    422: ("invalid-input", "Unprocessable content", "a field is missing or malformed"),
    429: ("too-many-requests", "Too many requests", "try again later"),
}

_PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["type", "code", "title", "status"],
    "properties": {
        "type": {"type": "string", "description": "urn:cloth:problem:<code>"},
        "code": {"type": "string", "description": "Stable, machine-readable reason."},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string", "description": "A sentence a person understands."},
    },
    "additionalProperties": True,
}


# Headers a problem carries by status (cloth_shared.http_security sets them).
_HEADERS: dict[int, dict[str, Any]] = {
    401: {
        "WWW-Authenticate": {
            "description": 'How to authenticate (RFC 6750): `Bearer`, or `Bearer error="invalid_token"` '
            "when the token sent was refused.",
            "schema": {"type": "string", "example": "Bearer"},
        }
    },
    429: {
        "Retry-After": {
            "description": "Seconds to wait before trying again, when known.",
            "schema": {"type": "integer", "minimum": 1, "example": 60},
        }
    },
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route: each status with the problem-details schema and an example."""
    declared: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        code, title, detail = _EXAMPLES[status]
        declared[status] = {
            "description": title,
            "content": {
                PROBLEM_CONTENT_TYPE: {
                    "schema": _PROBLEM_SCHEMA,
                    "example": problem(status=status, code=code, title=title, detail=detail),
                }
            },
        }
        if status in _HEADERS:
            declared[status]["headers"] = _HEADERS[status]
    return declared


def public_read_responses(
    media_type: str = "application/json", example: Any = None
) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a public, cacheable read (cloth_shared.http.public_response): its body's
    media type (when not JSON, the example shows it) and the 304 a conditional GET can get."""
    declared: dict[int | str, dict[str, Any]] = {
        304: {
            "description": "Not Modified: the ETag named in If-None-Match is current (no body).",
            "headers": {
                "ETag": {"description": "The current ETag.", "schema": {"type": "string"}},
            },
        }
    }
    if media_type != "application/json":
        content: dict[str, Any] = {"schema": {"type": "object" if media_type.endswith("+json") else "string"}}
        if example is not None:
            content["example"] = example
        declared[200] = {"description": "Successful Response", "content": {media_type: content}}
    return declared
