"""Composition root: what the notifications service is made of."""

from pathlib import Path

from cloth_shared.auth.revocation.postgres import provide_revocation
from cloth_shared.auth.verifier import TokenVerifier
from cloth_shared.service import Infrastructure, ServiceDefinition
from notifications.adapters.email_templates import JinjaEmailRenderer
from notifications.adapters.inbox_wakeups import InboxWakeups
from notifications.adapters.smtp import SmtpMailer, SmtpServer
from notifications.adapters.unit_of_work import PostgresNotificationsUnitOfWork
from notifications.adapters.webhook_sender import DnsTargetResolver
from notifications.config import NotificationsSettings
from notifications.domain.email import RetryPolicy
from notifications.entrypoints import inbox_routes, preference_routes, stream
from notifications.entrypoints.catalogue_routes import router as catalogue_router
from notifications.entrypoints.consumers import CONSUMED_TOPICS, build_consumers
from notifications.entrypoints.webhook_dispatcher import start_webhook_dispatcher, target_policy
from notifications.entrypoints.webhook_routes import router as webhook_router
from notifications.service_layer.email_sending import EmailChannel, EmailSender, SendingRules

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
    if settings.run_email_sender:
        start_email_sender(infra, settings)


def start_email_sender(infra: Infrastructure, settings: NotificationsSettings) -> None:
    """Every replica runs a sender; they share the rows through SKIP LOCKED claims."""
    server = SmtpServer(
        host=settings.smtp_host,
        port=settings.smtp_port,
        sender=settings.smtp_from,
        sender_name=settings.smtp_from_name,
        security=settings.smtp_security,
        username=settings.smtp_username,
        password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
        timeout_seconds=settings.smtp_timeout_seconds,
    )
    rules = SendingRules(
        batch_size=settings.email_batch_size,
        lease_seconds=settings.email_lease_seconds,
        retry=RetryPolicy(
            max_attempts=settings.email_max_attempts,
            base_seconds=settings.email_retry_base_seconds,
            cap_seconds=settings.email_retry_cap_seconds,
        ),
    )
    channel = EmailChannel(
        unit_of_work=lambda: PostgresNotificationsUnitOfWork(infra.pool, infra.outbox),
        renderer=JinjaEmailRenderer(web_url=settings.public_web_url),
        mailer=SmtpMailer(server),
        rules=rules,
    )
    sender = EmailSender(channel, poll_interval=settings.email_poll_interval_seconds)
    infra.provide(sender)
    infra.run_in_background("notifications-email-sender", sender.run(), stop=sender.stop)


DEFINITION = ServiceDefinition(
    name="notifications",
    title="CLOTH notifications",
    description="In-app notifications, e-mail and partner webhooks for what happens on the platform.",
    migrations_dir=MIGRATIONS,
    http_routers=[
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
