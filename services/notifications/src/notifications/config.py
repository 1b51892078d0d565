"""Notifications settings: the shared ones, read with the NOTIFICATIONS_ prefix where not global."""

from pydantic import Field
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
