"""deploy/local/demo-knowledge.py loads every slice of the roadmap, and a second run changes nothing.

Membership is stood in for by its sign-in answer: each demo account gets a token for the role
demo-data.py gives it.
"""

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from uuid import uuid4

import httpx
import pytest

from cloth_shared.auth.principal import Principal, Role
from knowledge.domain.partners import PARTNERS

from .roadmap_service import TOKENS, RoadmapApi, api

pytestmark = pytest.mark.integration
__all__ = ["api"]

SCRIPT = Path(__file__).resolve().parents[4] / "deploy/local/demo-knowledge.py"


def demo_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("demo_knowledge", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def membership_signing_in() -> httpx.AsyncClient:
    people = {"admin@cloth.local": Principal(uuid4(), frozenset({Role.PLATFORM_ADMIN}))}
    for p in PARTNERS:
        manager = Principal(uuid4(), frozenset({Role.CLUSTER_MANAGER}), cluster_id=p.cluster_id)
        people[f"manager.{p.short_name.lower()}@demo.cloth.local"] = manager

    def sign_in(request: httpx.Request) -> httpx.Response:
        person = people[json.loads(request.content)["email"]]
        token = TOKENS.headers_for(person)["Authorization"].split()[1]
        return httpx.Response(200, json={"access_token": token})

    return httpx.AsyncClient(transport=httpx.MockTransport(sign_in), base_url="http://membership.test")


async def test_the_demo_loads_analyses_strategy_roadmaps_and_labels_once(api: RoadmapApi) -> None:
    script = demo_script()
    async with membership_signing_in() as membership:
        first = script.Demo(membership, api.http)
        await first.load()
        again = script.Demo(membership, api.http)
        await again.load()

    assert len(first.done) == 10 + 1 + 5 + 5 + 7 + 4  # analyses, draft, approvals, strategies, labels, plans
    assert again.done == []
    layer = (await api.call("GET", "/regional-analyses", "anonymous")).json()
    assert sorted(r["region_code"] for r in layer) == sorted(p.region_code for p in PARTNERS)
    assert (await api.call("GET", "/partnership-strategy", "anonymous")).json()["number"] == 1
