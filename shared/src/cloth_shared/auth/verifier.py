"""Verifying membership access tokens with public keys only (a JWKS or a PEM key)."""

import asyncio
import json
import time
from typing import Any

import jwt
from jwt import PyJWK, PyJWKClient

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotAuthenticated

ISSUER = "cloth-membership"
AUDIENCE = "cloth-platform"
ALGORITHMS = ["EdDSA", "ES256", "RS256"]
REQUIRED_CLAIMS = ["exp", "iat", "iss", "aud", "sub"]
VERIFIED_CACHE_SIZE = 10_000


class InvalidToken(NotAuthenticated):
    code = "invalid-token"


class TokenVerifier:
    """Checks signature, issuer, audience and expiry; returns the caller as a Principal."""

    def __init__(
        self,
        *,
        keys: dict[str, Any] | None = None,
        jwks_client: PyJWKClient | None = None,
        issuer: str = ISSUER,
        audience: str = AUDIENCE,
        leeway_seconds: int = 30,
    ) -> None:
        assert keys or jwks_client, "a verifier needs keys or a JWKS URL"
        self._keys = keys or {}
        self._jwks_client = jwks_client
        self._issuer = issuer
        self._audience = audience
        self._leeway = leeway_seconds
        # A token is immutable and signed: once verified it stays valid until it expires, so
        # repeated requests with it skip the signature check (the costliest part of a read).
        self._verified: dict[str, tuple[Principal, float]] = {}

    @classmethod
    def from_jwks(cls, jwks: dict[str, Any] | str, **options: Any) -> "TokenVerifier":
        document = json.loads(jwks) if isinstance(jwks, str) else jwks
        keys = {jwk["kid"]: PyJWK(jwk).key for jwk in document["keys"]}
        return cls(keys=keys, **options)

    @classmethod
    def from_public_key_pem(cls, pem: str, *, kid: str = "", **options: Any) -> "TokenVerifier":
        from cryptography.hazmat.primitives.serialization import load_pem_public_key

        return cls(keys={kid: load_pem_public_key(pem.encode())}, **options)

    @classmethod
    def from_jwks_url(cls, url: str, **options: Any) -> "TokenVerifier":
        """Keys fetched from membership's JWKS and cached; a new `kid` triggers one refetch.

        The fetch is a blocking call, made only on a cache miss (start-up or key rotation).
        """
        return cls(jwks_client=PyJWKClient(url, cache_keys=True, lifespan=3600), **options)

    @classmethod
    def from_settings(cls, *, jwks_url: str | None, public_key_pem: str | None) -> "TokenVerifier":
        """A fixed public key when one is configured, else membership's JWKS URL."""
        if public_key_pem:
            return cls.from_public_key_pem(public_key_pem)
        if jwks_url:
            return cls.from_jwks_url(jwks_url)
        raise ValueError("token verification needs a JWKS URL or a public key")

    async def verify_async(self, token: str) -> Principal:
        """`verify` for async code: a JWKS fetch (cache miss) must not block the event loop.

        A token verified before is answered from memory without the worker-thread hop, which
        cost more than the whole rest of the check; only a token not seen yet goes to a thread
        (its key may need fetching) when keys come from a JWKS URL.
        """
        principal = self._remembered(token)
        if principal is not None:
            return principal
        if self._jwks_client is not None:
            return await asyncio.to_thread(self.verify, token)
        return self.verify(token)

    def _remembered(self, token: str) -> Principal | None:
        cached = self._verified.get(token)
        if cached is None:
            return None
        if time.time() < cached[1]:
            return cached[0]
        self._verified.pop(token, None)  # expired: verify again, which raises token-expired
        return None

    def _key_for(self, token: str) -> Any:
        try:
            kid = jwt.get_unverified_header(token).get("kid", "")
        except jwt.PyJWTError as error:
            raise InvalidToken("the access token is malformed") from error
        if self._jwks_client is not None:
            try:
                return self._jwks_client.get_signing_key(kid).key
            except jwt.PyJWTError as error:
                raise InvalidToken("the access token was signed with an unknown key") from error
        if kid in self._keys:
            return self._keys[kid]
        if len(self._keys) == 1 and "" in self._keys:
            return self._keys[""]
        raise InvalidToken("the access token was signed with an unknown key")

    def verify(self, token: str) -> Principal:
        """The principal of a valid token; InvalidToken (401) otherwise."""
        remembered = self._remembered(token)
        if remembered is not None:
            return remembered
        principal, expires_at = self._verify_signature_and_claims(token)
        if len(self._verified) >= VERIFIED_CACHE_SIZE:
            del self._verified[next(iter(self._verified))]  # oldest first
        self._verified[token] = (principal, expires_at)
        return principal

    def _verify_signature_and_claims(self, token: str) -> tuple[Principal, float]:
        key = self._key_for(token)
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=ALGORITHMS,
                audience=self._audience,
                issuer=self._issuer,
                leeway=self._leeway,
                options={"require": REQUIRED_CLAIMS},
            )
            return Principal.from_claims(claims), float(claims["exp"])
        except jwt.ExpiredSignatureError as error:
            raise InvalidToken("the access token has expired", code="token-expired") from error
        except (jwt.PyJWTError, ValueError, KeyError) as error:
            raise InvalidToken("the access token is not valid") from error
