"""The sender checks where a webhook goes right before each attempt, and signs what it posts."""

import httpx
from standardwebhooks import Webhook

from notifications.adapters.webhook_sender import HttpWebhookSender
from notifications.domain.webhook_targets import TargetPolicy, check_addresses
from notifications.domain.webhooks import new_secret


class RebindingResolver:
    """A host that resolved to a public address when subscribed and now answers a private one."""

    def __init__(self) -> None:
        self.checked: list[str] = []

    async def check(self, target_url: str, policy: TargetPolicy) -> list[str]:
        self.checked.append(target_url)
        check_addresses("partner.example", ["10.0.0.5"], policy)
        return ["10.0.0.5"]


async def test_a_target_that_now_resolves_to_a_private_address_is_not_contacted() -> None:
    contacted: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: contacted.append(request) or httpx.Response(200))
    sender = HttpWebhookSender(TargetPolicy(), resolver=RebindingResolver(), transport=transport)
    outcome = await sender.send(
        target_url="https://partner.example/h", secrets=(new_secret(),), message_id="m", body="{}"
    )
    assert not outcome.succeeded and outcome.response_code is None
    assert outcome.error is not None and "10.0.0.5" in outcome.error
    assert contacted == []


async def test_localhost_is_resolved_and_refused_where_loopback_is_not_allowed() -> None:
    sender = HttpWebhookSender(TargetPolicy(require_https=False))
    outcome = await sender.send(
        target_url="http://localhost:9/h", secrets=(new_secret(),), message_id="m", body="{}"
    )
    assert (
        outcome.error is not None
        and outcome.error.startswith("target refused")
        and "loopback" in outcome.error
    )


async def test_what_is_posted_verifies_with_the_standard_webhooks_library_and_no_redirect_is_followed() -> (
    None
):
    secret, posted = new_secret(), []

    def answer(request: httpx.Request) -> httpx.Response:
        posted.append(request)
        return httpx.Response(307, headers={"location": "http://169.254.169.254/"})

    class Public:
        async def check(self, target_url: str, policy: TargetPolicy) -> list[str]:
            return ["93.184.216.34"]

    sender = HttpWebhookSender(TargetPolicy(), resolver=Public(), transport=httpx.MockTransport(answer))
    outcome = await sender.send(
        target_url="https://partner.example:8443/h", secrets=(secret,), message_id="d-1", body='{"x":1}'
    )
    assert (outcome.response_code, outcome.succeeded) == (307, False)
    [request] = posted
    assert Webhook(secret).verify(request.content, dict(request.headers)) == {"x": 1}
    assert request.headers["webhook-id"] == "d-1"
    # Sent to the address that was checked, as the host (Host header, TLS server name).
    assert (request.url.host, request.url.port, request.url.path) == ("93.184.216.34", 8443, "/h")
    assert request.headers["host"] == "partner.example:8443"
    assert request.extensions["sni_hostname"] == "partner.example"


async def test_during_a_rotation_each_secret_verifies_the_same_request() -> None:
    old, new, posted = new_secret(), new_secret(), []

    class Public:
        async def check(self, target_url: str, policy: TargetPolicy) -> list[str]:
            return ["93.184.216.34"]

    transport = httpx.MockTransport(lambda request: posted.append(request) or httpx.Response(204))
    sender = HttpWebhookSender(TargetPolicy(), resolver=Public(), transport=transport)
    outcome = await sender.send(
        target_url="https://partner.example/h", secrets=(new, old), message_id="d", body="{}"
    )
    assert outcome.succeeded
    [request] = posted
    for secret in (new, old):
        assert Webhook(secret).verify(request.content, dict(request.headers)) == {}
    assert len(request.headers["webhook-signature"].split(" ")) == 2
