"""From approval in membership to a completed, paid exchange, with membership and exchange as
separate OS processes talking only through Kafka; then membership stops, and exchange still takes
requests, answers and approvals (it never calls membership on a request path).
"""

import json
from uuid import UUID

import pytest

from cloth_shared.contracts import topics
from cloth_shared.testing.flows import BFA, MembershipFlows
from cloth_shared.testing.kafka import read_topic

from .conftest import Platform
from .exchange_steps import PDF, agreed_and_approved, ok, programme, requested

pytestmark = pytest.mark.e2e

EA = UUID("0b1c0000-0000-4000-8000-000000000003")


async def test_members_of_two_countries_go_from_approval_to_a_paid_exchange_and_need_no_membership_for_it(
    platform: Platform,
) -> None:
    await platform.start("membership", "exchange")
    async with (
        platform.services["membership"].client() as membership,
        platform.services["exchange"].client() as exchange,
    ):
        flows = MembershipFlows(membership)
        admin, modacc, bfa, ea = (
            await flows.admin(),
            await flows.manager(),
            await flows.manager(BFA),
            await flows.manager(EA),
        )
        host_id, host = await flows.active(modacc, legal_name="Tints Igualada SL")
        visitor_id, visitor = await flows.active(
            bfa,
            legal_name="Moda Ruse OOD",
            cluster_id=BFA,
            country="BG",
            region="BG323",
            city="Ruse",
            latitude=43.84,
            longitude=25.97,
            languages=["bg", "en"],
        )
        second_id, second = await flows.active(
            ea,
            legal_name="Atelier Marseille SARL",
            cluster_id=EA,
            country="FR",
            region="FRL04",
            city="Marseille",
            latitude=43.30,
            longitude=5.37,
            languages=["fr", "en"],
        )

        programme_id = await programme(exchange, admin)
        exchange_id = await requested(exchange, programme_id, visitor_id, host_id, visitor)
        signers = {"visitor": visitor, "host": host, "visitor_cluster": bfa, "host_cluster": modacc}
        approved = await agreed_and_approved(exchange, exchange_id, signers)
        assert approved["state"] == "approved" and approved["lump_sum"]["amount_eur"] is not None
        path = f"/exchanges/{exchange_id}"
        await ok(exchange.post(f"{path}/start", headers=visitor))
        await ok(
            exchange.post(
                f"{path}/evidence", params={"filename": "attendance.pdf"}, content=PDF, headers=visitor
            ),
            201,
        )
        report = {
            "summary": "We tested natural dyes on our knitwear.",
            "lessons_learned": "Start small.",
            "share_summary": True,
        }
        await ok(exchange.post(f"{path}/report", json=report, headers=visitor))
        completed = await ok(exchange.post(f"{path}/validation", headers=bfa))
        assert completed["state"] == "completed"
        paid = await ok(exchange.post(f"{path}/payment", headers=bfa))
        assert paid["state"] == "lump_sum_paid"

        # Membership goes away; tokens already issued still verify (exchange keeps its keys).
        platform.services["membership"].stop()
        second_exchange = await requested(exchange, programme_id, second_id, host_id, second)
        signers = {"visitor": second, "host": host, "visitor_cluster": ea, "host_cluster": modacc}
        assert (await agreed_and_approved(exchange, second_exchange, signers))["state"] == "approved"

    records = await read_topic(
        platform.kafka, platform.topic_prefix + topics.EXCHANGE_EXCHANGES, at_least=12
    )  # 8 + 4
    envelopes = [json.loads(record.value) for record in records]
    done = next(e for e in envelopes if e["event_type"] == "ExchangeCompleted")
    assert done["subject_key"] == exchange_id
    snapshot = done["payload"]["exchange"]
    assert (snapshot["visitor_country"], snapshot["host_country"], snapshot["visitor_cluster_id"]) == (
        "BG",
        "ES",
        str(BFA),
    )
    assert done["payload"]["shared_summary"] == report["summary"]
    assert any(e["event_type"] == "LumpSumPaid" for e in envelopes)
    assert any(
        e["event_type"] == "ExchangeApproved" and e["subject_key"] == second_exchange for e in envelopes
    )
