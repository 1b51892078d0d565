"""Routes of accounts and tokens: sign-up, sign-in, refresh, password, partner clients, JWKS."""

from typing import Any
from uuid import UUID

from fastapi import APIRouter, status

from cloth_shared.auth.principal import Principal
from cloth_shared.bodies import JsonRoute
from cloth_shared.openapi import problem_responses
from membership.entrypoints.dependencies import Caller, ClientAddress, IdentityDep, UoW
from membership.entrypoints.email_verification import EmailChangeAccepted, SignUpAccepted
from membership.entrypoints.schemas_people import (
    ClientCreate,
    ClientCreated,
    ClientTokenCreate,
    EmailChange,
    PasswordChange,
    RefreshCreate,
    SignInCreate,
    SignUpCreate,
    TokenPublic,
)
from membership.service_layer import accounts, clients, sessions

router = APIRouter(tags=["accounts"], route_class=JsonRoute)


def _token(issued: sessions.IssuedToken) -> TokenPublic:
    p: Principal = issued.principal
    return TokenPublic(
        access_token=issued.access_token,
        expires_in=issued.expires_in,
        refresh_token=issued.refresh_token,
        refresh_expires_in=issued.refresh_expires_in,
        subject=p.subject,
        roles=sorted(p.roles),
        organisation_id=p.organisation_id,
        cluster_id=p.cluster_id,
        scopes=sorted(p.scopes),
    )


@router.post(
    "/auth/sign-up",
    responses=problem_responses(403, 404, 409),
    response_model=SignUpAccepted,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Create an account (with an invitation token to take its role); a link to verify the "
    "address is e-mailed. The answer is the same for an address that already has an account.",
)
async def sign_up(body: SignUpCreate, uow: UoW, identity: IdentityDep) -> SignUpAccepted:
    await accounts.sign_up(uow, identity, accounts.SignUp(**body.model_dump()))
    return SignUpAccepted()


@router.post(
    "/auth/sign-in",
    responses=problem_responses(401, 429),
    response_model=TokenPublic,
    summary="Email and password for an access token.",
)
async def sign_in(body: SignInCreate, address: ClientAddress, uow: UoW, identity: IdentityDep) -> TokenPublic:
    issued = await accounts.sign_in(
        uow, identity, email=body.email, password=body.password, client_address=address
    )
    return _token(issued)


@router.post(
    "/auth/refresh",
    responses=problem_responses(401),
    response_model=TokenPublic,
    summary="A refresh token (used once) for a new access token with your current roles.",
)
async def refresh(body: RefreshCreate, uow: UoW, identity: IdentityDep) -> TokenPublic:
    return _token(await sessions.refresh(uow, identity, body.refresh_token))


@router.post(
    "/auth/sign-out", status_code=status.HTTP_204_NO_CONTENT, summary="End this session (its refresh token)."
)
async def sign_out(caller: Caller, uow: UoW) -> None:
    await sessions.sign_out(uow, caller)


@router.post(
    "/auth/sign-out-everywhere",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="End all your sessions: every token you hold stops working in every service.",
)
async def sign_out_everywhere(caller: Caller, uow: UoW) -> None:
    await sessions.sign_out_everywhere(uow, caller, caller.subject)


@router.delete(
    "/people/{person_id}/sessions",
    responses=problem_responses(403, 404),
    status_code=status.HTTP_204_NO_CONTENT,
    summary="End all of a person's sessions everywhere (administrators, or the person).",
)
async def end_sessions_of(person_id: UUID, caller: Caller, uow: UoW) -> None:
    await sessions.sign_out_everywhere(uow, caller, person_id)


@router.put(
    "/people/me/password",
    responses=problem_responses(429),
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Change your password.",
)
async def change_password(
    body: PasswordChange, caller: Caller, address: ClientAddress, uow: UoW, identity: IdentityDep
) -> None:
    await accounts.change_password(
        uow, identity, caller, current=body.current_password, new=body.new_password, client_address=address
    )


@router.put(
    "/people/me/email",
    response_model=EmailChangeAccepted,
    responses=problem_responses(422, 429),
    status_code=status.HTTP_202_ACCEPTED,
    summary="Change your e-mail address: a link is sent to the new one, which replaces the old when opened.",
)
async def change_email(
    body: EmailChange, caller: Caller, address: ClientAddress, uow: UoW, identity: IdentityDep
) -> EmailChangeAccepted:
    password = body.current_password
    await accounts.change_email(
        uow, identity, caller, new_email=body.email, current_password=password, client_address=address
    )
    return EmailChangeAccepted()


@router.post(
    "/auth/client-token",
    responses=problem_responses(401, 429),
    response_model=TokenPublic,
    summary="Client-credentials grant for partner systems.",
)
async def client_token(
    body: ClientTokenCreate, address: ClientAddress, uow: UoW, identity: IdentityDep
) -> TokenPublic:
    issued = await clients.client_token(
        uow, identity, client_id=body.client_id, client_secret=body.client_secret, client_address=address
    )
    return _token(issued)


@router.post(
    "/clients",
    responses=problem_responses(403),
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
