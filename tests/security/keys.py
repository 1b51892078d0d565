"""One signing key for the security tests: membership signs with it, the others trust it."""

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.auth.verifier import AUDIENCE, ISSUER


class SigningKey:
    """The platform's key as membership holds it, and tokens signed with it or forged around it."""

    def __init__(self) -> None:
        self._key = Ed25519PrivateKey.generate()
        self.private_key_pem = self._key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        self.public_key_pem = (
            self._key.public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode()
        )
        self.kid = "unset"  # membership's kid, read from its JWKS once it runs

    def claims(self, principal: Principal | None = None, **overrides: Any) -> dict[str, Any]:
        now = int(datetime.now(UTC).timestamp())
        principal = principal or Principal(uuid4(), frozenset({Role.ORGANISATION_MEMBER}), uuid4())
        base = {**principal.claims(), "iss": ISSUER, "aud": AUDIENCE, "iat": now}
        return {**base, "exp": now + 300, **overrides}

    def sign(self, claims: dict[str, Any], **headers: Any) -> str:
        return jwt.encode(claims, self._key, algorithm="EdDSA", headers={"kid": self.kid, **headers})

    def bearer(self, principal: Principal, **overrides: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.sign(self.claims(principal, **overrides))}"}


def _segment(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def _hmac_signed(header: str, payload: str, secret: str) -> str:
    """The algorithm-confusion forgery: HMAC keyed with the public key (PyJWT refuses to make it)."""
    mac = hmac.new(secret.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{base64.urlsafe_b64encode(mac).decode().rstrip('=')}"


def forged_tokens(key: SigningKey) -> dict[str, str]:
    """Tokens an attacker can make, by name: each must be a 401 `invalid_token`, never a 500."""
    now = int(datetime.now(UTC).timestamp())
    good = key.sign(key.claims())
    _, payload, signature = good.split(".")
    other_payload = _segment(key.claims(sub=str(uuid4())))
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ec_key = ec.generate_private_key(ec.SECP256R1())

    def header(**fields: Any) -> str:
        return _segment({"typ": "JWT", "kid": key.kid, **fields})

    return {
        "not a JWT": "not-a-token",
        "three garbage segments": "a.b.c",
        "header that is a list": f"{_segment([1])}.{payload}.{signature}",
        "kid that is a number": f"{_segment({'alg': 'EdDSA', 'kid': 5})}.{payload}.{signature}",
        "ES256 header with the real kid": f"{header(alg='ES256')}.{payload}.{signature}",
        "RS256 header with the real kid": f"{header(alg='RS256')}.{payload}.{signature}",
        "ES256 signed by another key with the real kid": jwt.encode(
            key.claims(), ec_key, algorithm="ES256", headers={"kid": key.kid}
        ),
        "RS256 signed by another key with the real kid": jwt.encode(
            key.claims(), rsa_key, algorithm="RS256", headers={"kid": key.kid}
        ),
        "HS256 keyed with the public key": _hmac_signed(header(alg="HS256"), payload, key.public_key_pem),
        "alg none": f"{header(alg='none')}.{payload}.",
        "signature of another token": f"{header(alg='EdDSA')}.{other_payload}.{signature}",
        "unknown key": jwt.encode(
            key.claims(), Ed25519PrivateKey.generate(), algorithm="EdDSA", headers={"kid": "unknown"}
        ),
        "expired": key.sign(key.claims(iat=now - 3600, exp=now - 600)),
        "not yet valid": key.sign(key.claims(nbf=now + 600)),
        "issued in the future": key.sign(key.claims(iat=now + 600)),
        "another audience": key.sign(key.claims(aud="another-platform")),
        "another issuer": key.sign(key.claims(iss="someone-else")),
        "no subject": key.sign({k: v for k, v in key.claims().items() if k != "sub"}),
        "subject that is not a person id": key.sign(key.claims(sub="robert'); DROP TABLE people")),
        "no expiry": key.sign({k: v for k, v in key.claims().items() if k != "exp"}),
    }
