"""Access tokens for tests of services that verify membership's tokens, signed with a test key."""

from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.auth.verifier import AUDIENCE, ISSUER


class TestTokens:
    """A signing key of the test's own; give services `public_key_pem` to trust it."""

    __test__ = False  # not a pytest test class

    def __init__(self) -> None:
        self._key = Ed25519PrivateKey.generate()
        self.public_key_pem = (
            self._key.public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode()
        )

    def headers_for(
        self, principal: Principal, *, lifetime: timedelta = timedelta(minutes=5)
    ) -> dict[str, str]:
        now = datetime.now(UTC)
        # `iat` with its fraction, like membership: revocation compares it with an event's time.
        claims = {
            **principal.claims(),
            "iss": ISSUER,
            "aud": AUDIENCE,
            "iat": now.timestamp(),
            "exp": now + lifetime,
        }
        return {"Authorization": f"Bearer {jwt.encode(claims, self._key, algorithm='EdDSA')}"}

    def member_of(self, organisation_id: UUID) -> dict[str, str]:
        return self.headers_for(
            Principal(uuid4(), frozenset({Role.ORGANISATION_MEMBER}), organisation_id=organisation_id)
        )

    def admin(self) -> dict[str, str]:
        return self.headers_for(Principal(uuid4(), frozenset({Role.PLATFORM_ADMIN})))
