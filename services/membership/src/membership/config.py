"""Membership settings: the shared ones, read with the MEMBERSHIP_ prefix where not global."""

from typing import Self

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from cloth_shared.settings import DEVELOPMENT_PASSWORD_MARKERS, ServiceSettings

# Development and test only: the platform administrator created on first sign-in, so a fresh
# database can be driven through the API alone (see README and tests/e2e/flows.py).
DEV_ADMIN_EMAIL = "admin@cloth.local"
DEV_ADMIN_PASSWORD = "dev-only-admin-password"  # noqa: S105 - refused in production


class MembershipSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="MEMBERSHIP_")

    service_name: str = "membership"
    signing_key_pem: SecretStr | None = Field(
        default=None, description="Ed25519 private key (PKCS#8 PEM); generated per process in development."
    )
    retired_public_keys_pem: tuple[str, ...] = Field(
        default=(), description="Public keys still published in the JWKS during a key rotation."
    )
    access_token_minutes: int = Field(default=10, ge=1, le=60)
    session_hours: int = Field(
        default=12,
        ge=1,
        le=24 * 30,
        description="Absolute lifetime of a sign-in session, refreshes included.",
    )
    argon2_time_cost: int = Field(default=3, ge=1)
    argon2_memory_kib: int = Field(default=65536, ge=8192)
    argon2_parallelism: int = Field(default=2, ge=1)
    login_max_failures: int = Field(default=5, ge=1)
    login_window_minutes: int = Field(default=15, ge=1)
    trusted_proxies: tuple[str, ...] = Field(
        default=(),
        description="Addresses or networks of proxies whose X-Forwarded-For is believed (none by default).",
    )
    bootstrap_admin_email: str | None = None
    bootstrap_admin_password: SecretStr | None = None

    @model_validator(mode="after")
    def _keys_and_bootstrap_admin(self) -> Self:
        if self.environment == "production":
            if self.signing_key_pem is None:
                raise ValueError("production needs MEMBERSHIP_SIGNING_KEY_PEM (an Ed25519 private key)")
            password = (
                self.bootstrap_admin_password.get_secret_value() if self.bootstrap_admin_password else ""
            )
            if any(marker in password for marker in DEVELOPMENT_PASSWORD_MARKERS):
                raise ValueError("production refuses a development bootstrap admin password")
        elif self.bootstrap_admin_email is None:
            object.__setattr__(self, "bootstrap_admin_email", DEV_ADMIN_EMAIL)
            object.__setattr__(self, "bootstrap_admin_password", SecretStr(DEV_ADMIN_PASSWORD))
        if self.signing_key_pem is not None:
            from membership.adapters.tokens import load_private_key

            load_private_key(self.signing_key_pem.get_secret_value())  # fail at start, not at sign-in
        return self
