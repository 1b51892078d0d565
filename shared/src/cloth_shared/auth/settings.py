"""Where a service that does not issue tokens finds membership's public keys."""

from typing import Self

from pydantic import model_validator
from pydantic_settings import BaseSettings

from cloth_shared.auth.verifier import TokenVerifier


class TokenVerifierSettings(BaseSettings):
    """Mixed into a service's settings: membership's JWKS URL or a fixed PEM public key."""

    # Membership's access tokens are verified locally, with its public keys: from its JWKS
    # (fetched once and cached) or from a configured PEM key.
    auth_jwks_url: str | None = None
    auth_public_key_pem: str | None = None

    @model_validator(mode="after")
    def _can_verify_tokens(self) -> Self:
        if not (self.auth_jwks_url or self.auth_public_key_pem):
            prefix = str(self.model_config.get("env_prefix", "")).upper()
            raise ValueError(
                f"set {prefix}AUTH_JWKS_URL (membership's /.well-known/jwks.json) "
                f"or {prefix}AUTH_PUBLIC_KEY_PEM"
            )
        return self

    def token_verifier(self) -> TokenVerifier:
        return TokenVerifier.from_settings(
            jwks_url=self.auth_jwks_url, public_key_pem=self.auth_public_key_pem
        )
