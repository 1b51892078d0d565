"""Composition root: what the membership service is made of."""

from pathlib import Path

from cloth_shared.contracts import topics
from cloth_shared.service import ServiceDefinition
from membership.entrypoints.http import router

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"

DEFINITION = ServiceDefinition(
    name="membership",
    title="CLOTH membership",
    description="Clusters, organisations and their applications, people and roles, the industry map.",
    migrations_dir=MIGRATIONS,
    http_routers=[router],
    produces=[topics.MEMBERSHIP_ORGANISATIONS, topics.MEMBERSHIP_PEOPLE],
)
