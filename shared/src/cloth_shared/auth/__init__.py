"""Authorising requests from a membership access token alone, without calling membership.

Membership signs short-lived JWTs with an asymmetric key and publishes the public keys as a
JWKS (`GET /.well-known/jwks.json`). Every service builds one `TokenVerifier` at start-up
(from that JWKS, a JWKS URL, or a PEM public key) and uses the FastAPI dependencies in
`cloth_shared.auth.fastapi` to get a `Principal`:

    verifier = TokenVerifier.from_jwks_url(settings.auth_jwks_url)
    authenticated = principal_dependency(lambda request: verifier)
    Caller = Annotated[Principal, Depends(authenticated)]

A missing, expired or forged token is a 401 problem; the rules of who may do what stay in
each service's domain, written against `Principal`.
"""

from cloth_shared.auth.principal import Principal, Role
from cloth_shared.auth.verifier import AUDIENCE, ISSUER, TokenVerifier

__all__ = ["AUDIENCE", "ISSUER", "Principal", "Role", "TokenVerifier"]
