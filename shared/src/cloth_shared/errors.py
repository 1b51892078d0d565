"""Errors as data: domain error kinds, and the one RFC 9457 problem-details shape.

Domain code raises the plain exception kinds below (no HTTP in them); the HTTP layer turns
each kind into a status and every error into the same JSON body with a stable `code`.
"""

from typing import Any


class DomainError(Exception):
    """A rule of the domain refused the request. `code` is stable and machine-readable."""

    code: str = "domain-error"

    def __init__(self, detail: str, *, code: str | None = None, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        if code is not None:
            self.code = code
        self.extra = extra


class NotFound(DomainError):
    code = "not-found"


class Conflict(DomainError):
    """The request contradicts the current state (duplicate, invalid transition, quota full)."""

    code = "conflict"


class InvalidInput(DomainError):
    """Well-formed input that breaks a domain rule."""

    code = "invalid-input"


class NotAllowed(DomainError):
    """The caller is known but may not do this."""

    code = "forbidden"


class NotAuthenticated(DomainError):
    code = "not-authenticated"


class TokenRefused(NotAuthenticated):
    """A well-signed token that no longer speaks for its holder (erased, demoted, signed out)."""

    code = "token-refused"


class TooManyRequests(DomainError):
    """The caller tried too often (e.g. failed sign-ins); `retry_after_seconds` says when to retry."""

    code = "too-many-requests"


PROBLEM_CONTENT_TYPE = "application/problem+json"


def problem(*, status: int, code: str, title: str, detail: str | None = None, **extra: Any) -> dict[str, Any]:
    """The problem-details body every service returns for every error."""
    body: dict[str, Any] = {
        "type": f"urn:cloth:problem:{code}",
        "code": code,
        "title": title,
        "status": status,
    }
    if detail:
        body["detail"] = detail
    body.update(extra)
    return body
