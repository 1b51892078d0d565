"""Sends one signed webhook (Standard Webhooks, with its library) after checking where it goes.

Redirects are not followed (one to an internal address would slip past the check) and the
response body is never read. The check resolves the host right before the POST; httpx then
resolves it again to connect, so a DNS answer changed within that instant is not caught.
"""

import asyncio
import ipaddress
import socket
import time
from datetime import UTC, datetime

import httpx
from standardwebhooks import Webhook

from notifications.domain.webhook_targets import TargetPolicy, TargetRefused, check_addresses, target_host
from notifications.domain.webhooks import AttemptOutcome
from notifications.service_layer.webhook_ports import TargetResolver

USER_AGENT = "CLOTH-Webhooks/1.0"


class DnsTargetResolver:
    """Resolves the target's host with the system resolver, then applies the target policy."""

    async def check(self, target_url: str, policy: TargetPolicy) -> None:
        host = target_host(target_url, policy)
        check_addresses(host, await self._addresses(host), policy)

    async def _addresses(self, host: str) -> list[str]:
        try:
            return [str(ipaddress.ip_address(host.strip("[]")))]
        except ValueError:
            pass
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
        except OSError as error:
            raise TargetRefused(f"{host} does not resolve: {error}") from None
        return [str(info[4][0]) for info in infos]


class HttpWebhookSender:
    def __init__(
        self,
        policy: TargetPolicy,
        *,
        timeout_seconds: float = 10.0,
        resolver: TargetResolver | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._policy = policy
        self._resolver = resolver or DnsTargetResolver()
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout_seconds, connect=min(timeout_seconds, 5.0)),
            follow_redirects=False,
            transport=transport,
            headers={"user-agent": USER_AGENT},
        )

    async def send(self, *, target_url: str, secret: str, message_id: str, body: str) -> AttemptOutcome:
        started = time.perf_counter()
        try:
            await self._resolver.check(target_url, self._policy)
        except TargetRefused as refused:
            return AttemptOutcome(None, _since(started), error=f"target refused: {refused.detail}")
        at = datetime.now(UTC)
        headers = {
            "content-type": "application/json",
            "webhook-id": message_id,
            "webhook-timestamp": str(int(at.timestamp())),
            "webhook-signature": Webhook(secret).sign(message_id, at, body),
        }
        try:
            async with self._client.stream(
                "POST", target_url, content=body.encode(), headers=headers
            ) as answer:
                return AttemptOutcome(answer.status_code, _since(started))
        except httpx.HTTPError as error:
            return AttemptOutcome(None, _since(started), error=f"{type(error).__name__}: {error}"[:500])

    async def close(self) -> None:
        await self._client.aclose()


def _since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 2)
