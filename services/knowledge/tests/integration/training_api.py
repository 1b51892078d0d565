"""The knowledge service running in-process on real PostgreSQL and Kafka, driven over HTTP as the
training programme's people would: tokens the service trusts, and the steps as the frontend calls them."""

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.service import Infrastructure, create_app
from cloth_shared.settings import load_settings
from cloth_shared.testing.apps import running
from cloth_shared.testing.examples import MODACC
from cloth_shared.testing.tokens import TestTokens
from knowledge.adapters.unit_of_work import PostgresKnowledgeUnitOfWork
from knowledge.bootstrap import DEFINITION
from knowledge.config import KnowledgeSettings
from knowledge.domain.authors import Author

TOKENS = TestTokens()
Headers = dict[str, str]
OTHER_CLUSTER = UUID("0b1c0000-0000-4000-8000-000000000002")


def member() -> Principal:
    return Principal(uuid4(), frozenset({Role.ORGANISATION_MEMBER}), organisation_id=uuid4())


def manager(cluster_id: UUID = MODACC) -> Principal:
    return Principal(uuid4(), frozenset({Role.CLUSTER_MANAGER}), cluster_id=cluster_id)


def admin() -> Principal:
    return Principal(uuid4(), frozenset({Role.PLATFORM_ADMIN}))


def as_(principal: Principal) -> Headers:
    return TOKENS.headers_for(principal)


def course_body(**overrides: Any) -> dict[str, Any]:
    return {
        "cluster_id": str(MODACC),
        "title": "Circular design for textile SMEs",
        "skill_area": "green",
        "audience": "members",
        "language": "en",
        "learning_outcomes": ["Plan a product for disassembly"],
        "modules": ["Design for disassembly", "Take-back schemes"],
        "completion_rule": {"min_attendance_percent": 50, "assessment_required": False},
        **overrides,
    }


def session_body(trainer_id: UUID, **overrides: Any) -> dict[str, Any]:
    first = datetime.now(UTC).replace(microsecond=0) + timedelta(days=30)
    return {
        "mode": "online",
        "meetings": [(first + timedelta(weeks=w)).isoformat() for w in range(4)],
        "capacity": 2,
        "trainer_id": str(trainer_id),
        "cancellation_deadline": (first - timedelta(days=7)).isoformat(),
        **overrides,
    }


@dataclass
class Training:
    client: httpx.AsyncClient
    infra: Infrastructure
    trainer: Principal
    boss: Principal  # a manager of the courses' cluster

    def uow(self) -> PostgresKnowledgeUnitOfWork:
        return PostgresKnowledgeUnitOfWork(self.infra.pool, self.infra.outbox)

    async def known_as(self, principal: Principal, name: str) -> None:
        """As if membership had announced the person (tested in test_authors_from_membership)."""
        async with self.uow() as uow:
            await uow.authors.save(Author(principal.subject, name, None, datetime.now(UTC)))
            await uow.commit()

    async def course(self, **overrides: Any) -> dict[str, Any]:
        answer = await self.client.post(
            "/training/courses", json=course_body(**overrides), headers=as_(self.boss)
        )
        assert answer.status_code == 201, answer.text
        return dict(answer.json())

    async def session(self, course_id: str, **overrides: Any) -> dict[str, Any]:
        answer = await self.client.post(
            f"/training/courses/{course_id}/sessions",
            json=session_body(self.trainer.subject, **overrides),
            headers=as_(self.boss),
        )
        assert answer.status_code == 201, answer.text
        return dict(answer.json())

    async def scheduled(self, **overrides: Any) -> dict[str, Any]:
        return await self.session((await self.course())["course_id"], **overrides)

    async def enrol(self, session_id: str, person: Principal) -> httpx.Response:
        return await self.client.post(f"/training/sessions/{session_id}/enrolments", headers=as_(person))

    async def attend(
        self, enrolment_id: str, attended: list[int], by: Principal | None = None
    ) -> httpx.Response:
        return await self.client.put(
            f"/training/enrolments/{enrolment_id}/attendance",
            json={"attended": attended},
            headers=as_(by or self.trainer),
        )


@contextlib.asynccontextmanager
async def knowledge_service(
    database_url: str, **settings: str
) -> AsyncIterator[tuple[httpx.AsyncClient, Infrastructure]]:
    """The service on its own database (the caller's `service_environment` names the topics)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KNOWLEDGE_DATABASE_URL", database_url)
        patch.setenv("KNOWLEDGE_AUTH_PUBLIC_KEY_PEM", TOKENS.public_key_pem)
        for name, value in settings.items():
            patch.setenv(f"KNOWLEDGE_{name.upper()}", value)
        app = create_app(DEFINITION, lambda: load_settings(KnowledgeSettings))
        async with running(app) as (client, infra):
            yield client, infra


@pytest.fixture
async def training(database_url: str, service_environment: dict[str, str]) -> AsyncIterator[Training]:
    async with knowledge_service(database_url, public_base_url="https://knowledge.cloth.test") as (
        client,
        infra,
    ):
        yield Training(client, infra, trainer=Principal(uuid4()), boss=manager())
