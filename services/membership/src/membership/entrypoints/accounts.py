"""Routes of accounts and tokens: sign-up, sign-in, refresh, password, partner clients, JWKS."""

from typing import Any

from fastapi import APIRouter, Request, status

from cloth_shared.auth.principal import Principal
from cloth_shared.bodies import JsonRoute
from membership.entrypoints.dependencies import Caller, IdentityDep, UoW
from membership.entrypoints.schemas_people import (
    ClientCreate,
    ClientCreated,
    ClientTokenCreate,
    PasswordChange,
    SignInCreate,
    SignUpCreate,
    TokenPublic,
)
from membership.service_layer import accounts, clients

router = APIRouter(tags=["accounts"], route_class=JsonRoute)


def _token(issued: accounts.IssuedToken) -> TokenPublic:
    p: Principal = issued.principal
    return TokenPublic(
        access_token=issued.access_token,
        expires_in=issued.expires_in,
        subject=p.subject,
        roles=sorted(p.roles),
        organisation_id=p.organisation_id,
        cluster_id=p.cluster_id,
        scopes=sorted(p.scopes),
    )


@router.post(
    "/auth/sign-up",
    response_model=TokenPublic,
    status_code=status.HTTP_201_CREATED,
    summary="Create an account (with an invitation token to take its role); signs you in.",
)
async def sign_up(body: SignUpCreate, uow: UoW, identity: IdentityDep) -> TokenPublic:
    return _token(await accounts.sign_up(uow, identity, accounts.SignUp(**body.model_dump())))


@router.post("/auth/sign-in", response_model=TokenPublic, summary="Email and password for an access token.")
async def sign_in(body: SignInCreate, request: Request, uow: UoW, identity: IdentityDep) -> TokenPublic:
    address = request.client.host if request.client else "unknown"
    issued = await accounts.sign_in(
        uow, identity, email=body.email, password=body.password, client_address=address
    )
    return _token(issued)


@router.post("/auth/refresh", response_model=TokenPublic, summary="A new token with your current roles.")
async def refresh(caller: Caller, uow: UoW, identity: IdentityDep) -> TokenPublic:
    return _token(await accounts.refresh(uow, identity, caller))


@router.put("/people/me/password", status_code=status.HTTP_204_NO_CONTENT, summary="Change your password.")
async def change_password(body: PasswordChange, caller: Caller, uow: UoW, identity: IdentityDep) -> None:
    await accounts.change_password(
        uow, identity, caller, current=body.current_password, new=body.new_password
    )


@router.post(
    "/auth/client-token", response_model=TokenPublic, summary="Client-credentials grant for partner systems."
)
async def client_token(body: ClientTokenCreate, uow: UoW, identity: IdentityDep) -> TokenPublic:
    issued = await clients.client_token(
        uow, identity, client_id=body.client_id, client_secret=body.client_secret
    )
    return _token(issued)


@router.post(
    "/clients",
    response_model=ClientCreated,
    status_code=status.HTTP_201_CREATED,
    summary="Register a partner system (administrators).",
)
async def create_client(body: ClientCreate, caller: Caller, uow: UoW, identity: IdentityDep) -> ClientCreated:
    command = clients.RegisterClient(name=body.name, scopes=tuple(body.scopes))
    new = await clients.create_client(uow, identity, caller, command)
    return ClientCreated(client_id=new.client_id, client_secret=new.client_secret, scopes=list(new.scopes))


@router.get("/.well-known/jwks.json", summary="Public keys that verify membership's access tokens.")
async def jwks(identity: IdentityDep) -> dict[str, Any]:
    return identity.tokens.jwks
