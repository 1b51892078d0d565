"""Sends one signed webhook (Standard Webhooks, with its library) after checking where it goes.

Redirects are not followed (one to an internal address would slip past the check) and the
response body is never read. The host is resolved and checked right before the POST, and the
POST goes to the address that was checked (Host header and TLS server name stay the host's, so
the certificate is still verified against it): a DNS answer changed in between cannot steer it.
"""

import asyncio
import ipaddress
import socket
import time
from datetime import UTC, datetime

import httpx
from standardwebhooks import Webhook

from notifications.domain.webhook_deliveries import AttemptOutcome
from notifications.domain.webhook_targets import TargetPolicy, TargetRefused, check_addresses, target_host
from notifications.service_layer.webhook_ports import TargetResolver

USER_AGENT = "CLOTH-Webhooks/1.0"


class DnsTargetResolver:
    """Resolves the target's host with the system resolver, then applies the target policy."""

    async def check(self, target_url: str, policy: TargetPolicy) -> list[str]:
        host = target_host(target_url, policy)
        addresses = await self._addresses(host)
        check_addresses(host, addresses, policy)
        return addresses

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

    async def send(
        self, *, target_url: str, secrets: tuple[str, ...], message_id: str, body: str
    ) -> AttemptOutcome:
        started = time.perf_counter()
        try:
            addresses = await self._resolver.check(target_url, self._policy)
        except TargetRefused as refused:
            return AttemptOutcome(None, _since(started), error=f"target refused: {refused.detail}")
        url, at = httpx.URL(target_url), datetime.now(UTC)
        headers = {
            "host": url.netloc.decode(),
            "content-type": "application/json",
            "webhook-id": message_id,
            "webhook-timestamp": str(int(at.timestamp())),
            # Several signatures during a secret rotation: the receiver accepts any that verifies.
            "webhook-signature": " ".join(Webhook(secret).sign(message_id, at, body) for secret in secrets),
        }
        request = self._client.build_request(
            "POST",
            url.copy_with(host=addresses[0].split("%", 1)[0]),  # the address checked, not a new lookup
            content=body.encode(),
            headers=headers,
            extensions={"sni_hostname": url.host} if url.scheme == "https" else {},
        )
        try:
            answer = await self._client.send(request, stream=True)
            await answer.aclose()  # the body is never read
        except httpx.HTTPError as error:
            return AttemptOutcome(None, _since(started), error=f"{type(error).__name__}: {error}"[:500])
        return AttemptOutcome(answer.status_code, _since(started))

    async def close(self) -> None:
        await self._client.aclose()


def _since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 2)
