"""Composition root: what the knowledge service is made of."""

from pathlib import Path

from cloth_shared.contracts import topics
from cloth_shared.service import ServiceDefinition
from knowledge.entrypoints.http import router

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"

DEFINITION = ServiceDefinition(
    name="knowledge",
    title="CLOTH knowledge",
    description=(
        "Resource library with multilingual search, training programme, lessons learned from exchanges."
    ),
    migrations_dir=MIGRATIONS,
    http_routers=[router],
    produces=[topics.KNOWLEDGE_RESOURCES, topics.KNOWLEDGE_TRAINING],
)
