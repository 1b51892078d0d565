"""deploy/local/demo-knowledge.py loads the library, the training programme and every slice of the
roadmap, and a second run changes nothing.

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
        for index in (0, 1):  # each organisation's first person, as demo-data.py approves them
            first = Principal(uuid4(), frozenset({Role.ORGANISATION_ADMIN}), organisation_id=uuid4())
            people[f"org{index}.{p.short_name.lower()}@demo.cloth.local"] = first

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

    library = 7 + 7  # a resource of each kind, each in another language; each published
    training = 4 + 4 + 7 + 1  # courses, their sessions, enrolments, a certificate
    roadmap = 10 + 1 + 5 + 5 + 7 + 4  # analyses, draft, approvals, strategies, labels, plans
    assert len(first.done) == library + training + roadmap
    assert again.done == []
    layer = (await api.call("GET", "/regional-analyses", "anonymous")).json()
    assert sorted(r["region_code"] for r in layer) == sorted(p.region_code for p in PARTNERS)
    assert (await api.call("GET", "/partnership-strategy", "anonymous")).json()["number"] == 1


async def test_the_demo_library_is_searchable_in_every_language_and_its_certificate_verifies(
    api: RoadmapApi,
) -> None:
    script = demo_script()
    async with membership_signing_in() as membership:
        demo = script.Demo(membership, api.http)
        await demo.load()
        holder = await demo.token("org0.modacc@demo.cloth.local")

    published = (await api.call("GET", "/resources?limit=50", "anonymous")).json()
    assert published["total"] == 7
    assert set(published["facets"]["language"]) == {"en", "es", "ca", "bg", "fr", "ro", "da"}
    assert set(published["facets"]["kind"]) == {
        "know_how",
        "best_practice",
        "case_study",
        "guide",
        "tool",
        "regional_analysis",
        "lessons_learned",
    }
    spanish = (await api.call("GET", "/resources?q=sostenible&language=es", "anonymous")).json()
    assert [hit["title"] for hit in spanish["hits"]] == ["Moda sostenible: guía de ecodiseño"]
    bulgarian = (await api.call("GET", "/resources?q=багрила", "anonymous")).json()
    assert [hit["title"] for hit in bulgarian["hits"]] == ["Естествени багрила за трикотаж"]

    (certificate,) = (await api.http.get("/training/certificates/mine", headers=holder)).json()
    verified = (await api.http.get(f"/certificates/verify/{certificate['verification_code']}")).json()
    assert (verified["status"], verified["course_title"]) == ("valid", "Circular design for textile SMEs")
