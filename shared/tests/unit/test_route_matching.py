"""A route's quick refusal never changes what FastAPI's own matching would have answered."""

import itertools

import pytest
from fastapi.routing import APIRoute
from starlette.routing import Match

from cloth_shared.route_matching import LiteralPrefixRoute


async def endpoint() -> None:
    return None


ROUTE_PATHS = ["/organisations", "/organisations/{organisation}", "/organisations/{organisation}/people",
               "/.well-known/jwks.json", "/{item}", "/people/me"]  # fmt: skip
REQUEST_PATHS = ["/organisations", "/organisations/", "/organisations/42", "/organisations/42/people",
                 "/.well-known/jwks.json", "/people/me", "/people/42", "/", "/api/organisations/42",
                 "/api/people/me"]  # fmt: skip
ROOT_PATHS = ["", "/api"]


CASES = list(itertools.product(ROUTE_PATHS, REQUEST_PATHS, ROOT_PATHS))


@pytest.mark.parametrize(("route_path", "path", "root_path"), CASES)
def test_the_match_is_fastapis_own(route_path: str, path: str, root_path: str) -> None:
    scope = {"type": "http", "method": "GET", "path": path, "root_path": root_path}
    quick = LiteralPrefixRoute(route_path, endpoint, methods=["GET"]).matches(dict(scope))
    full = APIRoute(route_path, endpoint, methods=["GET"]).matches(dict(scope))
    assert quick[0] == full[0]
    assert quick[1].get("path_params") == full[1].get("path_params")


def test_a_path_without_the_literal_start_is_refused_without_the_expression() -> None:
    route = LiteralPrefixRoute("/organisations/{organisation}", endpoint, methods=["GET"])
    route.path_regex = None  # type: ignore[assignment]  # reaching it would raise
    assert route.matches({"type": "http", "method": "GET", "path": "/people/me"}) == (Match.NONE, {})
