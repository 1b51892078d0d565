"""The token verifier every service uses: it trusts signatures from membership's keys only."""

import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import FastAPI
from fastapi.testclient import TestClient
from jwt.algorithms import OKPAlgorithm

from cloth_shared.auth.fastapi import Caller, MaybeCaller, provided_token_verifier
from cloth_shared.auth.principal import Principal, Role
from cloth_shared.auth.verifier import AUDIENCE, ISSUER, InvalidToken, TokenVerifier
from cloth_shared.http import install_problem_handlers
from cloth_shared.testing.tokens import TestTokens

KEY = Ed25519PrivateKey.generate()
JWKS = {"keys": [{**OKPAlgorithm.to_jwk(KEY.public_key(), as_dict=True), "kid": "k1"}]}
PERSON = Principal(subject=uuid4(), roles=frozenset({Role.CLUSTER_MANAGER}), cluster_id=uuid4())


def token(key=KEY, kid="k1", principal=PERSON, **overrides) -> str:
    now = datetime.now(UTC)
    claims = {
        **principal.claims(),
        "iss": ISSUER,
        "aud": AUDIENCE,
        "iat": now,
        "exp": now + timedelta(minutes=5),
    }
    claims.update(overrides)
    return jwt.encode(claims, key, algorithm="EdDSA", headers={"kid": kid})


def test_a_token_signed_by_a_key_in_the_jwks_gives_back_the_principal():
    assert TokenVerifier.from_jwks(JWKS).verify(token()) == PERSON


def test_a_pem_public_key_verifies_as_well():
    pem = KEY.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    assert TokenVerifier.from_public_key_pem(pem.decode()).verify(token(kid="")) == PERSON


@pytest.mark.parametrize(
    "forged",
    [
        pytest.param(lambda: token(key=Ed25519PrivateKey.generate()), id="another key"),
        pytest.param(lambda: token(kid="unknown"), id="unknown kid"),
        pytest.param(lambda: token(aud="someone-else"), id="another audience"),
        pytest.param(lambda: token(iss="someone-else"), id="another issuer"),
        pytest.param(lambda: token(exp=datetime.now(UTC) - timedelta(minutes=5)), id="expired"),
        pytest.param(lambda: jwt.encode({"sub": str(uuid4())}, "s" * 32, algorithm="HS256"), id="symmetric"),
        pytest.param(lambda: "not-a-token", id="garbage"),
    ],
)
def test_forged_expired_or_foreign_tokens_are_refused(forged):
    with pytest.raises(InvalidToken):
        TokenVerifier.from_jwks(JWKS).verify(forged())


def test_roles_the_verifier_does_not_know_are_ignored_rather_than_trusted():
    now = datetime.now(UTC)
    claims = {"sub": str(uuid4()), "roles": ["root", "platform_admin"], "iss": ISSUER, "aud": AUDIENCE,
              "iat": now, "exp": now + timedelta(minutes=5)}  # fmt: skip
    principal = TokenVerifier.from_jwks(JWKS).verify(
        jwt.encode(claims, KEY, algorithm="EdDSA", headers={"kid": "k1"})
    )
    assert principal.roles == frozenset({Role.PLATFORM_ADMIN})


def app() -> FastAPI:
    verifier = TokenVerifier.from_jwks(JWKS)
    service = FastAPI()
    service.dependency_overrides[provided_token_verifier] = lambda: verifier
    install_problem_handlers(service)

    @service.get("/private")
    async def private(caller: Caller) -> dict[str, str]:
        return {"subject": str(caller.subject)}

    @service.get("/public")
    async def public(caller: MaybeCaller) -> dict:
        return {"anonymous": caller is None}

    return service


def test_the_dependency_answers_401_problem_details_without_a_valid_token():
    client = TestClient(app())
    missing = client.get("/private")
    forged = client.get("/private", headers={"Authorization": f"Bearer {token(kid='unknown')}"})
    assert (missing.status_code, forged.status_code) == (401, 401)
    assert forged.json()["code"] == "invalid-token"
    assert client.get("/private", headers={"Authorization": f"Bearer {token()}"}).json() == {
        "subject": str(PERSON.subject)
    }


def test_the_optional_dependency_lets_anonymous_callers_through():
    assert TestClient(app()).get("/public").json() == {"anonymous": True}


def test_a_remembered_token_still_expires_on_time() -> None:
    tokens = TestTokens()
    verifier = TokenVerifier.from_public_key_pem(tokens.public_key_pem, leeway_seconds=0)
    header = tokens.headers_for(
        Principal(uuid4(), frozenset({Role.PLATFORM_ADMIN})), lifetime=timedelta(seconds=1)
    )
    token = header["Authorization"].removeprefix("Bearer ")
    assert verifier.verify(token).is_admin
    assert verifier.verify(token).is_admin  # second time from memory
    time.sleep(1.1)
    with pytest.raises(InvalidToken):
        verifier.verify(token)


def test_a_remembered_token_does_not_vouch_for_an_altered_copy() -> None:
    tokens = TestTokens()
    verifier = TokenVerifier.from_public_key_pem(tokens.public_key_pem)
    token = tokens.member_of(uuid4())["Authorization"].removeprefix("Bearer ")
    verifier.verify(token)
    header, payload, signature = token.split(".")
    forged_payload = payload[:-2] + ("A" if payload[-2] != "A" else "B") + payload[-1]
    with pytest.raises(InvalidToken):
        verifier.verify(f"{header}.{forged_payload}.{signature}")
    assert Role.ORGANISATION_MEMBER in verifier.verify(token).roles


def test_importing_the_principal_does_not_load_the_jwt_library() -> None:
    """Domain modules import the principal; they must not drag a crypto library along."""
    probe = "import sys, cloth_shared.auth.principal; print('jwt' in sys.modules)"
    answer = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert answer.stdout.strip() == "False"
