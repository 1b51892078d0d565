"""Notifications settings: the shared ones, read with the NOTIFICATIONS_ prefix where not global."""

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from cloth_shared.auth.settings import TokenVerifierSettings
from cloth_shared.settings import ServiceSettings


class NotificationsSettings(ServiceSettings, TokenVerifierSettings):
    model_config = SettingsConfigDict(env_prefix="NOTIFICATIONS_")

    service_name: str = "notifications"
    # How often an open SSE stream looks for new records (any process serves any person).
    stream_poll_seconds: float = Field(default=0.25, gt=0, le=10)
    # Local hour at which due digests are queued, in each person's timezone.
    digest_hour: int = Field(default=8, ge=0, le=23)
