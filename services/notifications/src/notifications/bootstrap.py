"""Composition root: what the notifications service is made of."""

from pathlib import Path

from cloth_shared.auth.revocation.postgres import provide_revocation
from cloth_shared.auth.verifier import TokenVerifier
from cloth_shared.service import Infrastructure, ServiceDefinition
from notifications.adapters.inbox_wakeups import InboxWakeups
from notifications.adapters.webhook_sender import DnsTargetResolver
from notifications.config import NotificationsSettings
from notifications.entrypoints import inbox_routes, preference_routes, stream
from notifications.entrypoints.catalogue_routes import router as catalogue_router
from notifications.entrypoints.consumers import CONSUMED_TOPICS, build_consumers
from notifications.entrypoints.http import router
from notifications.entrypoints.webhook_dispatcher import start_webhook_dispatcher, target_policy
from notifications.entrypoints.webhook_routes import router as webhook_router

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def provide_components(infra: Infrastructure) -> None:
    settings = infra.settings
    assert isinstance(settings, NotificationsSettings)
    infra.provide(settings.token_verifier(), as_type=TokenVerifier)
    provide_revocation(infra)
    infra.provide(InboxWakeups(str(settings.database_url)))
    infra.provide(target_policy(settings))
    infra.provide(DnsTargetResolver())
    if settings.run_webhook_dispatcher:
        start_webhook_dispatcher(infra, settings)


DEFINITION = ServiceDefinition(
    name="notifications",
    title="CLOTH notifications",
    description="In-app notifications, e-mail and partner webhooks for what happens on the platform.",
    migrations_dir=MIGRATIONS,
    http_routers=[
        router,
        stream.router,
        inbox_routes.router,
        preference_routes.router,
        catalogue_router,
        webhook_router,
    ],
    consumes=CONSUMED_TOPICS,
    build_consumers=build_consumers,
    on_start=provide_components,
)
