"""FastAPI dependencies that turn an `Authorization: Bearer` header into a Principal.

The verifier is the `TokenVerifier` component the service provided at start-up, so every
service wires authentication the same way: routes annotate a parameter with `Caller` (401
without a valid token) or `MaybeCaller` (None for anonymous callers). A service that provided
a `TokenRevocation` (`cloth_shared.auth.revocation.provide_revocation`) also refuses tokens
issued before the holder's last change of authority.
"""

from typing import Annotated

from fastapi import Depends, Request

from cloth_shared.auth.principal import Principal
from cloth_shared.auth.revocation import TokenRevocation
from cloth_shared.auth.verifier import InvalidToken, TokenVerifier
from cloth_shared.errors import NotAuthenticated
from cloth_shared.service import Infrastructure, component_dependency

# The verifier provided at start-up; tests may override this dependency.
provided_token_verifier = component_dependency(TokenVerifier)


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


async def _verified(request: Request, verifier: TokenVerifier, token: str) -> Principal:
    """The token's principal; any failure to verify it (a key of another type than its header
    names makes the JWT library raise TypeError, say) is an invalid token, never a 500."""
    try:
        principal = await verifier.verify_async(token)
    except NotAuthenticated:
        raise
    except Exception as error:
        raise InvalidToken("the access token is not valid") from error
    infra: Infrastructure | None = getattr(request.app.state, "infrastructure", None)
    revocation = infra.components.get(TokenRevocation) if infra is not None else None
    if revocation is not None:
        await revocation.check(principal)
    return principal


async def authenticated(
    request: Request, verifier: Annotated[TokenVerifier, Depends(provided_token_verifier)]
) -> Principal:
    """The authenticated caller; 401 without a valid bearer token."""
    token = bearer_token(request)
    if token is None:
        raise NotAuthenticated("sign in: this needs a bearer access token", code="not-authenticated")
    return await _verified(request, verifier, token)


async def maybe_authenticated(
    request: Request, verifier: Annotated[TokenVerifier, Depends(provided_token_verifier)]
) -> Principal | None:
    """Like `authenticated`, but None for anonymous callers (a bad token is still 401)."""
    token = bearer_token(request)
    return None if token is None else await _verified(request, verifier, token)


Caller = Annotated[Principal, Depends(authenticated)]
MaybeCaller = Annotated[Principal | None, Depends(maybe_authenticated)]
