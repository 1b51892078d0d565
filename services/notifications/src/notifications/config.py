"""Notifications settings: the shared ones, read with the NOTIFICATIONS_ prefix where not global."""

from typing import Literal, Self

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from cloth_shared.auth.settings import TokenVerifierSettings
from cloth_shared.settings import ServiceSettings


class NotificationsSettings(ServiceSettings, TokenVerifierSettings):
    model_config = SettingsConfigDict(env_prefix="NOTIFICATIONS_")

    service_name: str = "notifications"
    # How often an open SSE stream looks for new records without being woken by a NOTIFY (a
    # safety net: a commit wakes every process's streams of that person at once).
    stream_poll_seconds: float = Field(default=5.0, gt=0, le=60)
    # Local hour at which due digests are queued, in each person's timezone.
    digest_hour: int = Field(default=8, ge=0, le=23)

    # Partner webhooks (domain/webhooks.py states the retry policy; the schedule is in seconds).
    webhook_retry_schedule_seconds: tuple[float, ...] = (5, 300, 1800, 7200, 18000, 36000, 36000)
    webhook_timeout_seconds: float = Field(default=10.0, gt=0, le=30)
    webhook_dispatch_interval_seconds: float = Field(default=1.0, gt=0)
    webhook_dispatch_batch: int = Field(default=20, ge=1, le=200)
    run_webhook_dispatcher: bool = True
    # Targets on loopback / private ranges, or over plain HTTP, only where a test or a closed
    # network needs them: production refuses them all.
    webhook_allow_loopback: bool = False
    webhook_allow_private: bool = False
    webhook_require_https: bool = True

    # The SMTP server e-mail goes through: locally deploy/local/mailbox.sh, in compose Mailpit.
    smtp_host: str = "127.0.0.1"
    smtp_port: int = Field(default=1025, ge=1, le=65535)
    smtp_from: str = "notifications@cloth.localhost"
    smtp_from_name: str = "CLOTH"
    smtp_security: Literal["none", "starttls", "tls"] = "none"
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_timeout_seconds: float = Field(default=30.0, gt=0)
    # The web app whose pages the account e-mails link to (its /verify-email page posts the
    # token to membership's POST /auth/verify-email).
    public_web_url: str = "http://127.0.0.1:8080"
    run_email_sender: bool = True
    email_batch_size: int = Field(default=20, ge=1, le=500)
    email_lease_seconds: float = Field(default=300.0, gt=0)
    email_poll_interval_seconds: float = Field(default=1.0, gt=0)
    email_max_attempts: int = Field(default=8, ge=1)
    email_retry_base_seconds: float = Field(default=60.0, ge=0)
    email_retry_cap_seconds: float = Field(default=4 * 3600.0, ge=0)

    @model_validator(mode="after")
    def _lease_outlasts_a_message(self) -> Self:
        # A claim must leave time for at least one message to time out inside it.
        if self.email_lease_seconds <= 2 * self.smtp_timeout_seconds:
            raise ValueError("email_lease_seconds must be more than twice smtp_timeout_seconds")
        return self
