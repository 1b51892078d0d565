"""From approval in membership to a completed, paid exchange, with membership and exchange as
separate OS processes talking only through Kafka; then membership stops, and exchange still takes
requests, answers and approvals (it never calls membership on a request path).
"""

import asyncio
import json
from datetime import date, timedelta
from typing import Any
from uuid import UUID

import httpx
import pytest

from cloth_shared.contracts import topics
from cloth_shared.testing.flows import BFA, MembershipFlows
from cloth_shared.testing.kafka import read_topic

from .conftest import Platform

pytestmark = pytest.mark.e2e

EA = UUID("0b1c0000-0000-4000-8000-000000000003")
Headers = dict[str, str]
TODAY = date.today()
# A stay that is over (the report can be written today) and holds working days in Spain.
FIRST_DAY, LAST_DAY = TODAY - timedelta(days=14), TODAY - timedelta(days=8)
PDF = b"%PDF-1.7\n" + b"0" * 2048


async def ok(answer: Any, status: int = 200) -> dict[str, Any]:
    response = await answer
    assert response.status_code == status, response.text
    return response.json() if response.content else {}


async def programme(exchange: httpx.AsyncClient, admin: Headers) -> str:
    body = {
        "name": "Fashion ClusterXchange (end to end)",
        "application_window": {
            "first": str(TODAY - timedelta(days=30)),
            "last": str(TODAY + timedelta(days=300)),
        },
        "activity_window": {
            "first": str(TODAY - timedelta(days=60)),
            "last": str(TODAY + timedelta(days=300)),
        },
        "lump_sum_caps": {"ES": "900.00", "BG": "700.00", "FR": "1000.00"},
    }
    return str((await ok(exchange.post("/programmes", json=body, headers=admin), 201))["id"])


async def requested(
    exchange: httpx.AsyncClient, programme_id: str, visitor: UUID, host: UUID, headers: Headers
) -> str:
    """The visitor asks, as soon as exchange has heard of both organisations from membership."""
    body = {
        "visitor_organisation_id": str(visitor),
        "host_organisation_id": str(host),
        "first_day": str(FIRST_DAY),
        "last_day": str(LAST_DAY),
        "activity_kind": "knowledge_sharing",
    }
    async with asyncio.timeout(30):
        while True:
            answer = await exchange.post(f"/programmes/{programme_id}/exchanges", json=body, headers=headers)
            if answer.status_code != 404:
                assert answer.status_code == 201, answer.text
                return str(answer.json()["id"])
            await asyncio.sleep(0.1)


async def agreed_and_approved(
    exchange: httpx.AsyncClient, exchange_id: str, signers: dict[str, Headers]
) -> dict[str, Any]:
    """Accepted by the host, the commitment written and signed by the four, approved."""
    path = f"/exchanges/{exchange_id}"
    await ok(exchange.post(f"{path}/acceptance", headers=signers["host"]))
    commitment = {
        "goals": ["Learn natural dyeing at industrial scale"],
        "agenda": [{"day": str(FIRST_DAY), "activities": "Tour of the dyeing plant"}],
        "expected_results": ["A joint project proposal"],
        "first_day": str(FIRST_DAY),
        "last_day": str(LAST_DAY),
    }
    await ok(exchange.put(f"{path}/commitment", json=commitment, headers=signers["visitor"]))
    for signatory in ("visitor", "host", "visitor_cluster", "host_cluster"):
        await ok(
            exchange.post(f"{path}/signatures", json={"signatory": signatory}, headers=signers[signatory])
        )
    return await ok(exchange.post(f"{path}/approval", headers=signers["visitor_cluster"]))


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
