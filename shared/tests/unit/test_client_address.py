"""X-Forwarded-For is believed only from a trusted proxy, and only its right-most untrusted hop."""

from starlette.requests import Request

from cloth_shared.client_address import ClientAddresses


def a_request(peer: str, forwarded: str | None = None) -> Request:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded else []
    return Request({"type": "http", "client": (peer, 1234), "headers": headers})


def test_without_trusted_proxies_the_peer_is_the_client_whatever_the_header_says() -> None:
    assert ClientAddresses().of(a_request("203.0.113.5", "198.51.100.1")) == "203.0.113.5"


def test_behind_a_trusted_proxy_the_rightmost_untrusted_hop_is_the_client() -> None:
    addresses = ClientAddresses(["10.0.0.0/8"])
    request = a_request("10.0.0.2", "1.2.3.4, 198.51.100.1, 10.0.0.7")
    assert addresses.of(request) == "198.51.100.1"  # the left-most entry was written by the client


def test_a_trusted_proxy_forwarding_garbage_leaves_the_peer() -> None:
    assert ClientAddresses(["10.0.0.0/8"]).of(a_request("10.0.0.2", "not an address")) == "10.0.0.2"
