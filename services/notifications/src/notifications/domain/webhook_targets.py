"""Where a webhook may be sent: never into the platform's own network (SSRF).

Checked twice: the URL when a subscription is made (its host's addresses as resolved then), and
the addresses the host resolves to right before every attempt, since DNS can change meanwhile.
"""

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from cloth_shared.errors import InvalidInput

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class TargetPolicy:
    """Production refuses everything but public addresses over HTTPS; tests allow loopback."""

    allow_loopback: bool = False
    allow_private: bool = False
    require_https: bool = True


class TargetRefused(InvalidInput):
    code = "webhook-target-refused"


def target_host(url: str, policy: TargetPolicy) -> str:
    """The host to resolve, once the URL itself is acceptable."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError as error:
        raise TargetRefused(f"not a URL: {error}") from None
    allowed = {"https"} if policy.require_https else {"https", "http"}
    if parts.scheme not in allowed:
        raise TargetRefused(f"the target must use {' or '.join(sorted(allowed))}")
    if not parts.hostname:
        raise TargetRefused("the target needs a host")
    if parts.username or parts.password:
        raise TargetRefused("credentials in the target URL would be sent in clear text in logs")
    return parts.hostname


def refusal(address: IPAddress, policy: TargetPolicy) -> str | None:
    """Why an address may not be a target, or None when it may."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback:
        return None if policy.allow_loopback else "a loopback address"
    if address.is_multicast:
        return "a multicast address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_unspecified or address.is_reserved:
        return "a reserved address"
    if address.is_private or not address.is_global:
        return None if policy.allow_private else "a private address"
    return None


def check_addresses(host: str, addresses: Iterable[str], policy: TargetPolicy) -> None:
    """Every address the host resolves to must be allowed: one private address is enough to refuse."""
    found = [ipaddress.ip_address(a.split("%", 1)[0]) for a in addresses]
    if not found:
        raise TargetRefused(f"{host} does not resolve to any address")
    for address in found:
        reason = refusal(address, policy)
        if reason is not None:
            raise TargetRefused(f"{host} resolves to {address}, {reason}: webhooks go to public addresses")
