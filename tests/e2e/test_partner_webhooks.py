"""A partner system follows the platform by webhook, end to end.

membership and notifications run as separate OS processes; the partner is a real client of
membership (client-credentials token) and its endpoint a receiver that verifies every signature.
"""

import pytest

from cloth_shared.testing.flows import MembershipFlows
from cloth_shared.testing.webhook_receiver import receiving

from .conftest import Platform

pytestmark = pytest.mark.e2e


FAST_WEBHOOKS = {
    "NOTIFICATIONS_WEBHOOK_ALLOW_LOOPBACK": "true",
    "NOTIFICATIONS_WEBHOOK_REQUIRE_HTTPS": "false",
    "NOTIFICATIONS_WEBHOOK_DISPATCH_INTERVAL_SECONDS": "0.1",
    "NOTIFICATIONS_WEBHOOK_RETRY_SCHEDULE_SECONDS": "[0.2, 0.2]",
}


async def partner_token(membership, admin) -> dict[str, str]:  # type: ignore[no-untyped-def]
    created = await membership.post(
        "/clients", json={"name": "Modacc CRM", "scopes": ["events:read"]}, headers=admin
    )
    client = created.json()
    token = await membership.post(
        "/auth/client-token",
        json={"client_id": client["client_id"], "client_secret": client["client_secret"]},
    )
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


async def test_a_partner_client_subscribes_and_receives_a_signed_sme_joined_after_a_retry(
    platform: Platform,
) -> None:
    await platform.start("membership", "notifications", **FAST_WEBHOOKS)
    async with (
        platform.services["membership"].client() as membership,
        platform.services["notifications"].client() as notifications,
        receiving() as receiver,
    ):
        flows = MembershipFlows(membership)
        admin = await flows.admin()
        crm, other = await partner_token(membership, admin), await partner_token(membership, admin)
        subscribed = await notifications.post(
            "/webhooks/subscriptions",
            json={
                "target_url": receiver.url,
                "event_types": ["SMEJoined"],
                "contact_email": "it@modacc.test",
            },
            headers=crm,
        )
        assert subscribed.status_code == 201, subscribed.text
        receiver.secret = subscribed.json()["secret"]
        subscription = f"/webhooks/subscriptions/{subscribed.json()['id']}"
        assert (await notifications.get(subscription, headers=other)).status_code == 404

        receiver.fail_first = 1
        await flows.active(legal_name="Teixits Igualada SL")
        await receiver.until(lambda: sum(receiver.received.values()) == 2)

    [(webhook_id, count)] = receiver.received.items()
    assert count == 2 and receiver.unverified == 0
    message = receiver.payloads[webhook_id]
    assert message["type"] == "SMEJoined"
    assert message["data"]["payload"]["organisation"]["legal_name"] == "Teixits Igualada SL"
