"""FastAPI dependencies that turn an `Authorization: Bearer` header into a Principal."""

from collections.abc import Awaitable, Callable

from fastapi import Request

from cloth_shared.auth.principal import Principal
from cloth_shared.auth.verifier import TokenVerifier
from cloth_shared.errors import NotAuthenticated

VerifierSource = Callable[[Request], TokenVerifier]


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def principal_dependency(verifier: VerifierSource) -> Callable[[Request], Awaitable[Principal]]:
    """A dependency giving the authenticated caller; 401 without a valid bearer token."""

    async def authenticated(request: Request) -> Principal:
        token = bearer_token(request)
        if token is None:
            raise NotAuthenticated("sign in: this needs a bearer access token", code="not-authenticated")
        return await verifier(request).verify_async(token)

    return authenticated


def optional_principal_dependency(
    verifier: VerifierSource,
) -> Callable[[Request], Awaitable[Principal | None]]:
    """Like principal_dependency, but None for anonymous callers (a bad token is still 401)."""

    async def maybe_authenticated(request: Request) -> Principal | None:
        token = bearer_token(request)
        return None if token is None else await verifier(request).verify_async(token)

    return maybe_authenticated
