"""An exchange completed through exchange's API with a shared summary becomes a lessons-learned
draft in knowledge for the visiting organisation: membership, exchange and knowledge as separate
OS processes, talking only through Kafka.
"""

import asyncio
from typing import Any

import httpx
import pytest

from cloth_shared.testing.flows import BFA, MembershipFlows

from .conftest import Platform
from .exchange_steps import PDF, agreed_and_approved, ok, programme, requested

pytestmark = pytest.mark.e2e

Headers = dict[str, str]


async def eventually(client: httpx.AsyncClient, path: str, headers: Headers, done: Any) -> Any:
    """Knowledge hears of it through Kafka: ask until it has."""
    async with asyncio.timeout(60):
        while True:
            answer = await client.get(path, headers=headers)
            if answer.status_code == 200 and done(answer.json()):
                return answer.json()
            await asyncio.sleep(0.2)


async def test_a_shared_exchange_summary_becomes_a_draft_for_the_visitors_people(platform: Platform) -> None:
    await platform.start("membership", "exchange", "knowledge")
    async with (
        platform.services["membership"].client() as membership,
        platform.services["exchange"].client() as exchange,
        platform.services["knowledge"].client() as knowledge,
    ):
        flows = MembershipFlows(membership)
        admin, modacc, bfa = await flows.admin(), await flows.manager(), await flows.manager(BFA)
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
        # Knowledge knows both organisations before the exchange completes: the draft names the host.
        for organisation_id, people in ((host_id, host), (visitor_id, visitor)):
            await eventually(knowledge, f"/organisations/{organisation_id}/learning-plan", people, bool)

        programme_id = await programme(exchange, admin)
        exchange_id = await requested(exchange, programme_id, visitor_id, host_id, visitor)
        signers = {"visitor": visitor, "host": host, "visitor_cluster": bfa, "host_cluster": modacc}
        await agreed_and_approved(exchange, exchange_id, signers)
        path = f"/exchanges/{exchange_id}"
        await ok(exchange.post(f"{path}/start", headers=visitor))
        evidence = exchange.post(
            f"{path}/evidence", params={"filename": "attendance.pdf"}, content=PDF, headers=visitor
        )
        await ok(evidence, 201)
        report = {
            "summary": "We tested natural dyes on our knitwear.",
            "lessons_learned": "Start with one product line.",
            "share_summary": True,
        }
        await ok(exchange.post(f"{path}/report", json=report, headers=visitor))
        assert (await ok(exchange.post(f"{path}/validation", headers=bfa)))["state"] == "completed"

        drafts = await eventually(knowledge, f"/organisations/{visitor_id}/resources", visitor, bool)
        (draft,) = drafts
        assert (draft["kind"], draft["status"], draft["language"]) == ("lessons_learned", "draft", "bg")
        assert draft["title"] == "Lessons learned: knowledge sharing with Tints Igualada SL"
        detail = await ok(knowledge.get(f"/resources/{draft['id']}", headers=visitor))
        assert "We tested natural dyes on our knitwear." in detail["body_html"]
        assert "Start with one product line." in detail["body_html"]
        # The host's people do not see the visitor's draft; its own people submit it.
        assert (await knowledge.get(f"/resources/{draft['id']}", headers=host)).status_code == 404
        submitted = await ok(knowledge.post(f"/resources/{draft['id']}/submit", headers=visitor))
        assert submitted["status"] == "submitted"
        plan = await ok(knowledge.get(f"/organisations/{visitor_id}/learning-plan", headers=visitor))
        assert "technical" in plan["skill_areas"]  # what it went to learn: knowledge sharing
