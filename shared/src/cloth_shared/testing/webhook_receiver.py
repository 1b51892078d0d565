"""A partner's webhook endpoint for tests: a tiny ASGI app under uvicorn on a loopback port.

It verifies every request's signature with the Standard Webhooks library, counts what it
received per webhook-id, and answers with the status codes a test scripts.
"""

import asyncio
import contextlib
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import uvicorn
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError


class Receiver:
    def __init__(self) -> None:
        self.secret: str | None = None
        # Status codes to answer in turn for the events of one subject key; 200 once spent.
        self.script: dict[str, list[int]] = {}
        self.always: int | None = None  # or this status for every request
        self.fail_first = 0  # or 503 to the first attempts of every webhook-id
        self.received: Counter[str] = Counter()  # verified requests per webhook-id
        self.payloads: dict[str, Any] = {}
        self.unverified = 0
        self.arrived = asyncio.Event()
        self.url = ""

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        assert scope["type"] == "http"
        body, more = b"", True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        headers = {name.decode(): value.decode() for name, value in scope["headers"]}
        try:
            payload = Webhook(self.secret or "whsec_").verify(body, headers)
        except WebhookVerificationError:
            self.unverified += 1
            status = 401
        else:
            self.received[headers["webhook-id"]] += 1
            self.payloads[headers["webhook-id"]] = payload
            codes = self.script.get(payload["data"]["subject_key"], [])
            status = self.always or (codes.pop(0) if codes else 200)
            if self.received[headers["webhook-id"]] <= self.fail_first:
                status = 503
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": b""})
        self.arrived.set()

    async def until(self, condition: Any, timeout: float = 60) -> None:
        """Wait until `condition()` holds, waking on every request (a guard, not an assertion)."""
        async with asyncio.timeout(timeout):
            while not condition():
                self.arrived.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.arrived.wait(), 0.5)


@contextlib.asynccontextmanager
async def receiving() -> AsyncIterator[Receiver]:
    receiver = Receiver()
    server = uvicorn.Server(
        uvicorn.Config(receiver, host="127.0.0.1", port=0, lifespan="off", log_level="warning")
    )
    serving = asyncio.create_task(server.serve())
    async with asyncio.timeout(10):
        while not server.started:  # noqa: ASYNC110 - uvicorn offers a flag, not an event
            await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    receiver.url = f"http://127.0.0.1:{port}/cloth-hooks"
    try:
        yield receiver
    finally:
        server.should_exit = True
        await serving
