"""Composition root: what the notifications service is made of."""

from pathlib import Path

from cloth_shared.auth.revocation.postgres import provide_revocation
from cloth_shared.auth.verifier import TokenVerifier
from cloth_shared.service import Infrastructure, ServiceDefinition
from notifications.config import NotificationsSettings
from notifications.entrypoints.catalogue_routes import router as catalogue_router
from notifications.entrypoints.consumers import CONSUMED_TOPICS, build_consumers
from notifications.entrypoints.http import router

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def provide_components(infra: Infrastructure) -> None:
    settings = infra.settings
    assert isinstance(settings, NotificationsSettings)
    infra.provide(settings.token_verifier(), as_type=TokenVerifier)
    provide_revocation(infra)


DEFINITION = ServiceDefinition(
    name="notifications",
    title="CLOTH notifications",
    description="In-app notifications, e-mail and partner webhooks for what happens on the platform.",
    migrations_dir=MIGRATIONS,
    http_routers=[router, catalogue_router],
    consumes=CONSUMED_TOPICS,
    build_consumers=build_consumers,
    on_start=provide_components,
)
