"""Composition root: what the knowledge service is made of."""

from pathlib import Path

from cloth_shared.auth.revocation.postgres import provide_revocation
from cloth_shared.auth.verifier import TokenVerifier
from cloth_shared.contracts import topics
from cloth_shared.service import Infrastructure, ServiceDefinition
from knowledge.config import KnowledgeSettings
from knowledge.entrypoints import analysis_routes, cluster_routes, learning_plan_routes, roadmap_routes
from knowledge.entrypoints.consumers import CONSUMED_TOPICS, build_consumers
from knowledge.entrypoints.http import router
from knowledge.entrypoints.resource_routes import router as resource_router
from knowledge.entrypoints.training_certificate_routes import router as training_certificate_router
from knowledge.entrypoints.training_routes import router as training_router
from knowledge.service_layer.search_cache import SearchCache

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def provide_components(infra: Infrastructure) -> None:
    settings = infra.settings
    assert isinstance(settings, KnowledgeSettings)
    infra.provide(settings.token_verifier(), as_type=TokenVerifier)
    provide_revocation(infra)
    infra.provide(SearchCache())


DEFINITION = ServiceDefinition(
    name="knowledge",
    title="CLOTH knowledge",
    description=(
        "Resource library with multilingual search, training programme, lessons learned from exchanges."
    ),
    migrations_dir=MIGRATIONS,
    http_routers=[
        router,
        resource_router,
        training_router,
        training_certificate_router,
        analysis_routes.router,
        roadmap_routes.router,
        cluster_routes.router,
        learning_plan_routes.router,
    ],
    produces=[topics.KNOWLEDGE_RESOURCES, topics.KNOWLEDGE_TRAINING, topics.KNOWLEDGE_ROADMAP],
    consumes=CONSUMED_TOPICS,
    build_consumers=build_consumers,
    on_start=provide_components,
)
