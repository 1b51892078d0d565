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
