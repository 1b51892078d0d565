"""The membership lifecycle over HTTP, on real PostgreSQL, with events read back from real Kafka."""

import json

from cloth_shared.testing.kafka import read_topic

ORGANISATIONS = "membership.organisations"


async def events_on(membership, topic: str, at_least: int) -> list[dict]:
    settings = membership.infra.settings
    records = await read_topic(settings.kafka_bootstrap_servers, settings.topic(topic), at_least=at_least)
    return [json.loads(record.value) | {"key": record.key.decode()} for record in records]


async def test_approval_publishes_sme_joined_with_the_profile_snapshot_to_kafka(membership):
    manager = await membership.manager()
    organisation_id, _ = await membership.active(manager, legal_name="Punt Verd SL")
    [joined] = await events_on(membership, ORGANISATIONS, at_least=1)
    assert (joined["event_type"], joined["key"]) == ("SMEJoined", str(organisation_id))
    snapshot = joined["payload"]["organisation"]
    assert snapshot["legal_name"] == "Punt Verd SL"
    assert snapshot["value_chains"] == ["fashion_textile", "circular_economy"]
    assert (snapshot["country"], snapshot["region"], snapshot["latitude"]) == ("ES", "ES511", 41.58)
    assert joined["payload"]["approved_by"] is not None


async def test_other_categories_joining_publish_stakeholder_joined(membership):
    manager = await membership.manager(membership.BFA)
    await membership.active(manager, category="public_body", cluster_id=str(membership.BFA), country="BG")
    [joined] = await events_on(membership, ORGANISATIONS, at_least=1)
    assert joined["event_type"] == "StakeholderJoined"
    assert joined["payload"]["organisation"]["category"] == "public_body"


async def test_a_second_application_with_the_same_registration_number_is_a_409(membership):
    first = membership.application(registration_number="ESB12345678")
    await membership.http.post("/organisations", json=first, headers=await membership.sign_up())
    again = await membership.http.post("/organisations", json=first, headers=await membership.sign_up())
    assert again.status_code == 409
    assert (again.json()["code"], again.json()["field"]) == (
        "duplicate-registration-number",
        "registration_number",
    )


async def test_deciding_twice_is_a_409_with_the_current_status(membership):
    manager = await membership.manager()
    organisation_id, _ = await membership.active(manager)
    again = await membership.http.post(
        f"/organisations/{organisation_id}/rejection", json={"reason": "late"}, headers=manager
    )
    assert again.status_code == 409
    assert again.json()["current_status"] == "active"


async def test_suspension_reinstatement_and_departure_are_announced_in_order(membership):
    manager = await membership.manager()
    organisation_id, member = await membership.active(manager)
    for step, who in (("suspension", manager), ("reinstatement", manager), ("departure", member)):
        answer = await membership.http.post(f"/organisations/{organisation_id}/{step}", headers=who)
        assert answer.status_code == 200, answer.text
    published = await events_on(membership, ORGANISATIONS, at_least=4)
    assert [e["event_type"] for e in published] == [
        "SMEJoined",
        "MembershipEnded",
        "MembershipReinstated",
        "MembershipEnded",
    ]
    assert [e["payload"].get("reason") for e in published[1::2]] == ["suspended", "left"]


async def test_a_rejection_keeps_its_reason_and_announces_nothing(membership):
    manager = await membership.manager()
    organisation_id, _ = await membership.apply()
    rejected = await membership.http.post(
        f"/organisations/{organisation_id}/rejection", json={"reason": "outside the region"}, headers=manager
    )
    assert rejected.json()["rejection_reason"] == "outside the region"
    outbox = await membership.infra.pool.fetchval(
        "SELECT count(*) FROM outbox WHERE topic LIKE '%organisations'"
    )
    assert outbox == 0


async def test_a_profile_change_of_an_active_member_is_announced_with_the_new_snapshot(membership):
    manager = await membership.manager()
    organisation_id, member = await membership.active(manager)
    changed = await membership.http.patch(
        f"/organisations/{organisation_id}",
        headers=member,
        json={"city": "Terrassa", "certifications": ["GOTS", "OEKO-TEX"]},
    )
    assert changed.status_code == 200, changed.text
    published = await events_on(membership, ORGANISATIONS, at_least=2)
    assert published[-1]["event_type"] == "OrganisationProfileUpdated"
    assert published[-1]["payload"]["organisation"]["city"] == "Terrassa"


async def test_applying_makes_the_applicant_the_organisations_admin_and_announces_them(membership):
    organisation_id, member = await membership.apply()
    me = (await membership.http.get("/people/me", headers=member)).json()
    assert (me["role"], me["organisation_id"]) == ("organisation_admin", str(organisation_id))
    [joined] = await events_on(membership, "membership.people", at_least=1)
    assert joined["event_type"] == "PersonJoined"
    assert joined["payload"]["person"]["language"] == "ca"
