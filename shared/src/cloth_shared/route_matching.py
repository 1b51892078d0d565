"""A route that turns away, at the cost of one substring test, a request path it cannot match.

Starlette matches a request against the app's routes one after another, and each FastAPI route
works out the route path and runs its regular expression: about 1 µs a route, so a read behind
20 routes spent 20 µs before its own code ran (bench/README.md, "Whole run with routes declared
on the app and dependencies called directly"). The literal start of a route's path (up to its
first parameter) appears in every path it matches, whatever the root path, so a path without it
is answered `NONE` at once; any other goes through FastAPI's matching unchanged.
"""

from collections.abc import Callable
from typing import Any

from fastapi.routing import APIRoute
from starlette.routing import Match
from starlette.types import Scope


class LiteralPrefixRoute(APIRoute):
    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, endpoint, **kwargs)
        self.literal_prefix = path.split("{", 1)[0]

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if self.literal_prefix not in scope.get("path", ""):
            return Match.NONE, {}
        return super().matches(scope)
