"""Routes of people: invitations, roles, removal, and a person's own data."""

from dataclasses import asdict
from typing import Any
from uuid import UUID

from fastapi import APIRouter, status

from cloth_shared.auth.principal import Role
from cloth_shared.bodies import JsonRoute
from cloth_shared.openapi import problem_responses
from membership.domain.people import Person
from membership.entrypoints.dependencies import Caller, UoW
from membership.entrypoints.schemas_people import (
    InvitationCreate,
    InvitationCreated,
    PersonPublic,
    RoleUpdate,
)
from membership.service_layer import people

router = APIRouter(tags=["people"], route_class=JsonRoute)


def _person(person: Person) -> PersonPublic:
    return PersonPublic.model_validate(asdict(person))


@router.get(
    "/people/me", responses=problem_responses(404), response_model=PersonPublic, summary="Your own record."
)
async def me(caller: Caller, uow: UoW) -> PersonPublic:
    return _person(await people.me(uow, caller))


@router.get(
    "/people/me/export",
    responses=problem_responses(404),
    summary="Everything membership holds about you (JSON).",
)
async def export(caller: Caller, uow: UoW) -> dict[str, Any]:
    return await people.export(uow, caller)


@router.delete(
    "/people/me",
    responses=problem_responses(404, 409),
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Erase your personal data here and in every other service.",
    description="The last admin of a member organisation is refused (409 `last-organisation-admin`: "
    "make another admin first); the only admin of an application still pending withdraws it.",
)
async def erase(caller: Caller, uow: UoW) -> None:
    await people.erase(uow, caller)


@router.post(
    "/invitations",
    responses=problem_responses(403, 404, 409),
    response_model=InvitationCreated,
    status_code=status.HTTP_201_CREATED,
    summary="Invite someone to a role: admins any role, organisation admins their colleagues.",
)
async def invite(body: InvitationCreate, caller: Caller, uow: UoW) -> InvitationCreated:
    command = people.Invite(body.email, Role(body.role), body.organisation_id, body.cluster_id)
    invitation, token = await people.invite(uow, caller, command)
    values = asdict(invitation)
    return InvitationCreated(
        **{k: values[k] for k in ("id", "email", "role", "organisation_id", "cluster_id")},
        expires_at=invitation.expires_at,
        invitation_token=token,
    )


@router.get(
    "/organisations/{organisation_id}/people",
    responses=problem_responses(403, 404),
    response_model=list[PersonPublic],
    summary="The organisation's people (its members, its cluster's managers, admins).",
)
async def people_of(organisation_id: UUID, caller: Caller, uow: UoW) -> list[PersonPublic]:
    return [_person(p) for p in await people.people_of(uow, caller, organisation_id)]


@router.put(
    "/people/{person_id}/role",
    responses=problem_responses(403, 404, 409),
    response_model=PersonPublic,
    summary="Change a person's role: admins any, organisation admins within their organisation.",
)
async def change_role(person_id: UUID, body: RoleUpdate, caller: Caller, uow: UoW) -> PersonPublic:
    changed = await people.change_role(
        uow,
        caller,
        person_id,
        Role(body.role),
        organisation_id=body.organisation_id,
        cluster_id=body.cluster_id,
    )
    return _person(changed)


@router.delete(
    "/people/{person_id}/role",
    responses=problem_responses(403, 404, 409),
    response_model=PersonPublic,
    summary="Remove a person from their organisation or cluster.",
)
async def remove(person_id: UUID, caller: Caller, uow: UoW) -> PersonPublic:
    return _person(await people.remove_person(uow, caller, person_id))
