"""Running a service in-process against real infrastructure, for integration tests."""

import contextlib
from collections.abc import AsyncIterator

import httpx
from fastapi import FastAPI

from cloth_shared.service import Infrastructure


@contextlib.asynccontextmanager
async def running(app: FastAPI) -> AsyncIterator[tuple[httpx.AsyncClient, Infrastructure]]:
    """Start the app's lifespan (migrations, relay, consumers) and give an HTTP client to it."""
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://service.test") as client:
            yield client, app.state.infrastructure
