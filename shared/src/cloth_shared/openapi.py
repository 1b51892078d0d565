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
    return declared
