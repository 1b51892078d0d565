"""Who may do what with webhooks over HTTP, and targets refused at subscription time."""

from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Principal, Role

from .test_webhook_deliveries import partner

pytestmark = pytest.mark.integration

BODY = {
    "target_url": "http://127.0.0.1:9/hooks",
    "event_types": ["SMEJoined"],
    "contact_email": "it@crm.test",
}


async def test_partners_manage_only_their_own_subscriptions_and_administrators_see_all(http, tokens) -> None:
    owner, other = partner(tokens), partner(tokens)
    created = await http.post("/webhooks/subscriptions", json=BODY, headers=owner)
    assert created.status_code == 201 and created.json()["secret"].startswith("whsec_")
    mine = created.json()["id"]
    await http.post("/webhooks/subscriptions", json=BODY, headers=other)

    assert (await http.post("/webhooks/subscriptions", json=BODY)).status_code == 401
    member = tokens.headers_for(
        Principal(uuid4(), frozenset({Role.ORGANISATION_ADMIN}), organisation_id=uuid4())
    )
    refused = await http.post("/webhooks/subscriptions", json=BODY, headers=member)
    assert (refused.status_code, refused.json()["code"]) == (403, "not-a-partner")
    assert (await http.get("/webhooks/subscriptions", headers=member)).status_code == 403

    listed = await http.get("/webhooks/subscriptions", headers=owner)
    assert [s["id"] for s in listed.json()] == [mine] and "secret" not in listed.json()[0]
    assert len((await http.get("/webhooks/subscriptions", headers=tokens.admin())).json()) == 2
    for path in (f"/webhooks/subscriptions/{mine}", f"/webhooks/subscriptions/{mine}/deliveries"):
        assert (await http.get(path, headers=other)).status_code == 404
        assert (await http.get(path, headers=tokens.admin())).status_code == 200
    since = {"since": "2026-01-01T00:00:00Z"}
    assert (
        await http.post(f"/webhooks/subscriptions/{mine}/replay", json=since, headers=other)
    ).status_code == 404
    assert (
        await http.post(f"/webhooks/subscriptions/{mine}/replay", json=since, headers=tokens.admin())
    ).json() == {"scheduled": 0}
    rotated = await http.post(f"/webhooks/subscriptions/{mine}/secret", headers=owner)
    assert rotated.status_code == 200 and rotated.json()["secret"] not in (created.json()["secret"], None)
    assert (
        await http.post(f"/webhooks/subscriptions/{mine}/secret", headers=tokens.admin())
    ).status_code == 403
    assert (await http.post(f"/webhooks/subscriptions/{mine}/secret", headers=other)).status_code == 404
    assert (await http.delete(f"/webhooks/subscriptions/{mine}", headers=tokens.admin())).status_code == 403
    assert (await http.delete(f"/webhooks/subscriptions/{mine}", headers=other)).status_code == 404
    assert (await http.delete(f"/webhooks/subscriptions/{mine}", headers=owner)).status_code == 204
    assert (await http.get(f"/webhooks/subscriptions/{mine}", headers=owner)).status_code == 404


async def test_a_target_in_a_private_or_link_local_range_is_refused_even_where_loopback_is_allowed(
    http, tokens
) -> None:
    for target in (
        "http://10.0.0.1/h",
        "http://169.254.169.254/latest/meta-data",
        "http://[fd00::1]/h",
        "ftp://[::1]/",
    ):
        body = {**BODY, "target_url": target}
        answer = await http.post("/webhooks/subscriptions", json=body, headers=partner(tokens))
        assert (answer.status_code, answer.json()["code"]) == (422, "webhook-target-refused"), target


async def test_unknown_event_types_are_refused_and_the_public_ones_are_listed(http, tokens) -> None:
    body = {**BODY, "event_types": ["SMEJoined", "PasswordChanged"]}
    answer = await http.post("/webhooks/subscriptions", json=body, headers=partner(tokens))
    assert (answer.status_code, answer.json()["code"]) == (422, "unknown-event-type")
    listed = (await http.get("/webhooks/event-types")).json()["event_types"]
    assert {"SMEJoined", "ExchangeCompleted", "PersonJoined"} <= set(
        listed
    ) and "PasswordChanged" not in listed
