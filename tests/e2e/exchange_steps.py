"""Steps of the ClusterXchange programme as its people take them over HTTP, shared by the end-to-end
tests that need an exchange under way."""

import asyncio
from datetime import date, timedelta
from typing import Any
from uuid import UUID

import httpx

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
