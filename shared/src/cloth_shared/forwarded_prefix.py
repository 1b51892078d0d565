"""The path prefix a gateway serves the service under (`X-Forwarded-Prefix`, e.g. /api/membership).

The gateway strips the prefix before passing a request on, so routes stay the same; the prefix
becomes the ASGI `root_path`, from which FastAPI builds the links it hands out (the docs page's
OpenAPI URL and assets, the document's `servers`), so they work from the browser's side too.
Only a plain path is taken: the value ends up in HTML.
"""

import re

from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send

_PLAIN_PATH = re.compile(rb"(/[A-Za-z0-9._-]+){1,5}")


class ForwardedPrefixMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope.get("root_path"):
            for name, value in scope["headers"]:
                if name == b"x-forwarded-prefix" and len(value) <= 100 and _PLAIN_PATH.fullmatch(value):
                    scope = {**scope, "root_path": value.decode("ascii")}
                    break
        await self._app(scope, receive, send)


def install_forwarded_prefix(app: FastAPI) -> None:
    app.add_middleware(ForwardedPrefixMiddleware)
