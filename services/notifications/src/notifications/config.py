"""Notifications settings: the shared ones, read with the NOTIFICATIONS_ prefix where not global."""

from pydantic_settings import SettingsConfigDict

from cloth_shared.auth.settings import TokenVerifierSettings
from cloth_shared.settings import ServiceSettings


class NotificationsSettings(ServiceSettings, TokenVerifierSettings):
    model_config = SettingsConfigDict(env_prefix="NOTIFICATIONS_")

    service_name: str = "notifications"
