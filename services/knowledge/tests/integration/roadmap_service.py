"""The knowledge service in-process on real PostgreSQL and Kafka, and the people of the roadmap.

Tokens are signed by a test key the service trusts; each person is a fresh principal, as
membership would issue: one manager per partner cluster, an administrator, a member, and the
manager of a cluster outside the partnership.
"""

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any
from uuid import uuid4

import httpx
import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.contracts import topics
from cloth_shared.service import Infrastructure, create_app
from cloth_shared.settings import load_settings
from cloth_shared.testing.apps import running
from cloth_shared.testing.kafka import read_topic
from cloth_shared.testing.tokens import TestTokens
from knowledge.bootstrap import DEFINITION
from knowledge.config import KnowledgeSettings
from knowledge.domain.partners import PARTNERS

TOKENS = TestTokens()
Headers = dict[str, str]


def _people() -> dict[str, Principal]:
    people = {
        p.short_name: Principal(uuid4(), frozenset({Role.CLUSTER_MANAGER}), cluster_id=p.cluster_id)
        for p in PARTNERS
    }
    people["admin"] = Principal(uuid4(), frozenset({Role.PLATFORM_ADMIN}))
    people["member"] = Principal(uuid4(), frozenset({Role.ORGANISATION_ADMIN}), organisation_id=uuid4())
    people["outsider"] = Principal(uuid4(), frozenset({Role.CLUSTER_MANAGER}), cluster_id=uuid4())
    return people


@dataclass
class RoadmapApi:
    http: httpx.AsyncClient
    infra: Infrastructure
    people: dict[str, Principal] = field(default_factory=_people)

    def as_(self, who: str) -> Headers:
        return {} if who == "anonymous" else TOKENS.headers_for(self.people[who])

    async def call(self, method: str, path: str, who: str, body: Any = None) -> httpx.Response:
        return await self.http.request(method, path, json=body, headers=self.as_(who))

    async def events(self, at_least: int) -> list[dict[str, Any]]:
        """What reached the knowledge.roadmap topic, through the outbox, in order."""
        settings = self.infra.settings
        records = await read_topic(
            settings.kafka_bootstrap_servers, settings.topic(topics.KNOWLEDGE_ROADMAP), at_least=at_least
        )
        ordered = sorted(records, key=lambda r: (r.partition, r.offset))
        return [json.loads(r.value) | {"key": r.key.decode()} for r in ordered]


@pytest.fixture
async def api(
    database_url: str, service_environment: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[RoadmapApi]:
    monkeypatch.setenv("KNOWLEDGE_DATABASE_URL", database_url)
    monkeypatch.setenv("KNOWLEDGE_AUTH_PUBLIC_KEY_PEM", TOKENS.public_key_pem)
    app = create_app(DEFINITION, lambda: load_settings(KnowledgeSettings))
    async with running(app) as (client, infra):
        yield RoadmapApi(client, infra)


CLUSTER_IDS = {p.short_name: str(p.cluster_id) for p in PARTNERS}

STRATEGY = {
    "title": "Circular fashion alliance 2030",
    "vision": "A circular, digital fashion industry in every partner region.",
    "objectives": [
        {"code": "O1", "title": "Circularity", "description": "Design for reuse."},
        {"code": "O2", "title": "Internationalisation"},
    ],
    "actions": [
        {
            "code": "A1",
            "title": "Textile-waste pilots",
            "objective_code": "O1",
            "cluster_ids": [CLUSTER_IDS["Modacc"], CLUSTER_IDS["EA"]],
        },
        {
            "code": "A2",
            "title": "Trade-fair missions",
            "objective_code": "O2",
            "cluster_ids": [CLUSTER_IDS["BFA"], CLUSTER_IDS["ICONIC"]],
        },
    ],
    "indicators": [
        {
            "code": "I1",
            "title": "Members with a circular product",
            "unit": "companies",
            "objective_code": "O1",
            "baseline": 20,
            "target": 120,
            "target_year": 2030,
        },
    ],
}

CLUSTER_STRATEGY = {
    "summary": "Modacc's way to 2030.",
    "actions": [
        {
            "code": "M1",
            "title": "Repair workshops",
            "serves": ["O1"],
            "partner_cluster_ids": [CLUSTER_IDS["LDC"]],
        }
    ],
    "progress": [{"indicator_code": "I1", "value": 70, "as_of": "2026-10-01"}],
}

ANALYSIS = {
    "indicators": {
        "fashion_textile_companies": {
            "value": 4150,
            "unit": "companies",
            "source": {"title": "Idescat business directory 2025", "url": "https://www.idescat.cat/"},
        },
        "employment": {
            "value": 38000,
            "unit": "people",
            "source": {"title": "Idescat", "url": "https://www.idescat.cat/"},
        },
    },
    "trends": "Knitwear makers move to recycled yarns.",
    "challenges": "Finding skilled technicians.",
}
