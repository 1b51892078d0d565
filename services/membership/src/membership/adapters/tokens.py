"""Signing access tokens with an Ed25519 key, and publishing the public keys as a JWKS."""

import base64
import hashlib
import json
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from jwt.algorithms import OKPAlgorithm

from cloth_shared.auth.principal import Principal
from cloth_shared.auth.verifier import AUDIENCE, ISSUER, TokenVerifier


def load_private_key(pem: str) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(pem.encode(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("the signing key must be an Ed25519 private key in PEM (PKCS#8)")
    return key


def generate_private_key_pem() -> str:
    return (
        Ed25519PrivateKey.generate()
        .private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        .decode()
    )


def _kid(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.urlsafe_b64encode(hashlib.sha256(raw).digest()[:12]).decode().rstrip("=")


def _jwk(public_key: Ed25519PublicKey) -> dict[str, Any]:
    jwk: dict[str, Any] = json.loads(OKPAlgorithm.to_jwk(public_key))
    return {**jwk, "kid": _kid(public_key), "use": "sig", "alg": "EdDSA"}


class TokenIssuer:
    """Signs with the current key; the JWKS also lists retired public keys still being verified."""

    def __init__(
        self, private_key_pem: str, *, lifetime: timedelta, retired_public_keys_pem: tuple[str, ...] = ()
    ) -> None:
        self._key = load_private_key(private_key_pem)
        self._kid = _kid(self._key.public_key())
        self._lifetime = lifetime
        retired = [serialization.load_pem_public_key(pem.encode()) for pem in retired_public_keys_pem]
        public_keys = [self._key.public_key(), *(k for k in retired if isinstance(k, Ed25519PublicKey))]
        self.jwks: dict[str, Any] = {"keys": [_jwk(key) for key in public_keys]}
        self._verifier = TokenVerifier.from_jwks(self.jwks)

    @property
    def verifier(self) -> TokenVerifier:
        return self._verifier

    @property
    def lifetime_seconds(self) -> int:
        return int(self._lifetime.total_seconds())

    def issue(self, principal: Principal, *, session_id: UUID | None = None) -> str:
        now = datetime.now(UTC)
        claims = {
            **principal.claims(),
            "iss": ISSUER,
            "aud": AUDIENCE,
            # With its fraction: services compare it with when the holder's authority changed,
            # which may be the same second.
            "iat": now.timestamp(),
            "exp": now + self._lifetime,
            "jti": uuid4().hex,
        }
        if session_id is not None:
            claims["sid"] = str(session_id)
        return jwt.encode(claims, self._key, algorithm="EdDSA", headers={"kid": self._kid})
