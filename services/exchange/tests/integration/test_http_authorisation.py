"""Who may call each exchange endpoint, proven over HTTP with real tokens: every role that may not
is refused (401 anonymous, 403 signed in) and changes nothing; every role that may, succeeds."""

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
import pytest_asyncio

from ..unit.world import FIRST_DAY, LAST_DAY
from .api import COMMITMENT, REPORT, Api, exchange_service

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="module")]

ROLES = frozenset(
    {"anonymous", "stranger", "other_manager", "visitor", "host", "visitor_manager", "host_manager", "admin"}
)
PARTIES_AND_MANAGERS = frozenset({"visitor", "host", "visitor_manager", "host_manager"})
VISITOR_CLUSTER = frozenset({"visitor_manager", "admin"})
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@dataclass(frozen=True)
class Case:
    method: str
    path: str  # {id}: the exchange
    stage: str  # the Api step that brings an exchange to where this step is allowed
    allowed: frozenset[str]
    json: dict[str, Any] | None = None
    content: bytes | None = None
    clock: date | None = None
    ok: int = 200
    params: dict[str, str] = field(default_factory=dict)


CASES = {
    "read an exchange": Case("GET", "/exchanges/{id}", "requested", PARTIES_AND_MANAGERS | {"admin"}),
    "read its history": Case("GET", "/exchanges/{id}/history", "requested", PARTIES_AND_MANAGERS | {"admin"}),
    "accept": Case("POST", "/exchanges/{id}/acceptance", "requested", frozenset({"host"})),
    "decline": Case("POST", "/exchanges/{id}/decline", "requested", frozenset({"host"}), json={}),
    "cancel": Case(
        "POST",
        "/exchanges/{id}/cancellation",
        "requested",
        frozenset({"visitor", "host"}),
        json={"reason": "plans changed"},
    ),
    "write the commitment": Case(
        "PUT", "/exchanges/{id}/commitment", "accepted", frozenset({"visitor", "host"}), json=COMMITMENT
    ),
    "sign for the visitor": Case(
        "POST",
        "/exchanges/{id}/signatures",
        "with_commitment",
        frozenset({"visitor"}),
        json={"signatory": "visitor"},
    ),
    "sign for the host": Case(
        "POST",
        "/exchanges/{id}/signatures",
        "with_commitment",
        frozenset({"host"}),
        json={"signatory": "host"},
    ),
    "sign for the visitor's cluster": Case(
        "POST",
        "/exchanges/{id}/signatures",
        "with_commitment",
        frozenset({"visitor_manager"}),
        json={"signatory": "visitor_cluster"},
    ),
    "sign for the host's cluster": Case(
        "POST",
        "/exchanges/{id}/signatures",
        "with_commitment",
        frozenset({"host_manager"}),
        json={"signatory": "host_cluster"},
    ),
    "enter the distance": Case(
        "PUT", "/exchanges/{id}/distance", "accepted", VISITOR_CLUSTER, json={"km": "300"}
    ),
    "approve": Case("POST", "/exchanges/{id}/approval", "agreed", VISITOR_CLUSTER),
    "start": Case(
        "POST", "/exchanges/{id}/start", "approved", PARTIES_AND_MANAGERS | {"admin"}, clock=FIRST_DAY
    ),
    "upload evidence": Case(
        "POST",
        "/exchanges/{id}/evidence",
        "in_progress",
        frozenset({"visitor"}),
        content=PNG,
        ok=201,
        params={"filename": "p.png"},
    ),
    "list evidence": Case("GET", "/exchanges/{id}/evidence", "in_progress", PARTIES_AND_MANAGERS),
    "submit the report": Case(
        "POST", "/exchanges/{id}/report", "in_progress", frozenset({"visitor"}), json=REPORT, clock=LAST_DAY
    ),
    "give the host's feedback": Case(
        "POST",
        "/exchanges/{id}/host-feedback",
        "report_submitted",
        frozenset({"host"}),
        json={"text": "fine"},
    ),
    "validate the report": Case("POST", "/exchanges/{id}/validation", "report_submitted", VISITOR_CLUSTER),
    "send the report back": Case(
        "POST",
        "/exchanges/{id}/send-back",
        "report_submitted",
        VISITOR_CLUSTER,
        json={"comments": "add photos"},
    ),
    "record the payment": Case("POST", "/exchanges/{id}/payment", "completed", VISITOR_CLUSTER),
}


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def base(infra) -> AsyncIterator[Api]:  # type: ignore[no-untyped-def]
    async with exchange_service(infra) as (client, started, clock):
        api = Api(client, started, clock)
        await api.programme()
        yield api


async def at_stage(base: Api, case: Case) -> tuple[Api, str]:
    api = await base.fresh()
    if case.stage == "with_commitment":
        exchange_id = await api.accepted()
        await api.ok("PUT", f"/exchanges/{exchange_id}/commitment", "visitor", json=COMMITMENT)
    else:
        exchange_id = await getattr(api, case.stage)()
    if case.clock:
        api.clock.set(case.clock, 18)
    return api, exchange_id


async def call(api: Api, case: Case, exchange_id: str, who: str) -> Any:
    return await api.call(
        case.method,
        case.path.format(id=exchange_id),
        who,
        json=case.json,
        content=case.content,
        params=case.params,
    )


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
async def test_only_the_allowed_roles_may_take_the_step(base: Api, case: Case) -> None:
    api, exchange_id = await at_stage(base, case)
    before = await api.ok("GET", f"/exchanges/{exchange_id}", "admin")
    for who in sorted(ROLES - case.allowed):
        answer = await call(api, case, exchange_id, who)
        assert answer.status_code == (401 if who == "anonymous" else 403), (who, answer.text)
        assert answer.json()["code"] in {"not-authenticated", "forbidden"}
    assert await api.ok("GET", f"/exchanges/{exchange_id}", "admin") == before
    for index, who in enumerate(sorted(case.allowed)):
        if index and case.method != "GET":  # a step changes the exchange: the next role gets its own
            api, exchange_id = await at_stage(base, case)
        answer = await call(api, case, exchange_id, who)
        assert answer.status_code == case.ok, (who, answer.text)
