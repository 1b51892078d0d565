"""Notifications settings: the shared ones, read with the NOTIFICATIONS_ prefix where not global."""

from typing import Self

from pydantic import model_validator
from pydantic_settings import SettingsConfigDict

from cloth_shared.settings import ServiceSettings


class NotificationsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="NOTIFICATIONS_")

    service_name: str = "notifications"
    # Membership's access tokens are verified locally, with its public keys: from its JWKS
    # (fetched once and cached) or from a configured PEM key.
    auth_jwks_url: str | None = None
    auth_public_key_pem: str | None = None

    @model_validator(mode="after")
    def _can_verify_tokens(self) -> Self:
        if not (self.auth_jwks_url or self.auth_public_key_pem):
            raise ValueError(
                "set NOTIFICATIONS_AUTH_JWKS_URL (membership's /.well-known/jwks.json) "
                "or NOTIFICATIONS_AUTH_PUBLIC_KEY_PEM"
            )
        return self
