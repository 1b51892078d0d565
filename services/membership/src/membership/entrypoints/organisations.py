"""Routes of organisations, their applications and their membership status."""

from uuid import UUID

from fastapi import APIRouter, Response, status

from cloth_shared.bodies import JsonRoute
from cloth_shared.http import model_response
from cloth_shared.openapi import problem_responses
from cloth_shared.pagination import Limit, Offset
from membership.domain.organisations import Organisation, Status
from membership.entrypoints.dependencies import Caller, UoW, VerifiedToken
from membership.entrypoints.schemas import (
    OrganisationCreate,
    OrganisationPublic,
    OrganisationUpdate,
    RejectionCreate,
)
from membership.service_layer import applications, profiles
from membership.service_layer.callers import TokenHolder

router = APIRouter(tags=["organisations"], route_class=JsonRoute)


def public(organisation: Organisation) -> OrganisationPublic:
    return OrganisationPublic.of(organisation)


@router.post(
    "/organisations",
    responses=problem_responses(404, 409),
    response_model=OrganisationPublic,
    status_code=status.HTTP_201_CREATED,
    summary="Apply for membership of a cluster; you become the organisation's admin.",
)
async def apply(body: OrganisationCreate, caller: Caller, uow: UoW) -> OrganisationPublic:
    organisation = await applications.apply_for_membership(uow, body.command(), applicant_id=caller.subject)
    return public(organisation)


@router.get(
    "/organisations/{organisation_id}",
    responses=problem_responses(403, 404),
    response_model=OrganisationPublic,
    summary="The full record (its people, its cluster's managers, admins).",
)
async def get_organisation(organisation_id: UUID, token: VerifiedToken, uow: UoW) -> Response:
    found = await applications.get_organisation(uow, organisation_id, TokenHolder(token))
    return model_response(public(found))


@router.patch(
    "/organisations/{organisation_id}",
    responses=problem_responses(403, 404, 409),
    response_model=OrganisationPublic,
    summary="Change the profile (the organisation's own people only).",
)
async def update(organisation_id: UUID, body: OrganisationUpdate, token: VerifiedToken, uow: UoW) -> Response:
    command = profiles.UpdateProfile(organisation_id, body.changes())
    return model_response(public(await profiles.update_profile(uow, TokenHolder(token), command)))


@router.post(
    "/organisations/{organisation_id}/approval",
    responses=problem_responses(403, 404, 409),
    response_model=OrganisationPublic,
    tags=["applications"],
    summary="A manager of its cluster approves the application.",
)
async def approve(organisation_id: UUID, caller: Caller, uow: UoW) -> OrganisationPublic:
    return public(await applications.approve_application(uow, organisation_id, caller))


@router.post(
    "/organisations/{organisation_id}/rejection",
    responses=problem_responses(403, 404, 409),
    response_model=OrganisationPublic,
    tags=["applications"],
    summary="A manager of its cluster rejects the application, with a reason.",
)
async def reject(
    organisation_id: UUID, body: RejectionCreate, caller: Caller, uow: UoW
) -> OrganisationPublic:
    return public(await applications.reject_application(uow, organisation_id, caller, body.reason))


@router.post(
    "/organisations/{organisation_id}/suspension",
    responses=problem_responses(403, 404, 409),
    response_model=OrganisationPublic,
    summary="Suspend an active member (its cluster's managers, admins).",
)
async def suspend(organisation_id: UUID, caller: Caller, uow: UoW) -> OrganisationPublic:
    return public(await applications.suspend(uow, organisation_id, caller))


@router.post(
    "/organisations/{organisation_id}/reinstatement",
    responses=problem_responses(403, 404, 409),
    response_model=OrganisationPublic,
    summary="Lift a suspension (its cluster's managers, admins).",
)
async def reinstate(organisation_id: UUID, caller: Caller, uow: UoW) -> OrganisationPublic:
    return public(await applications.reinstate(uow, organisation_id, caller))


@router.post(
    "/organisations/{organisation_id}/departure",
    responses=problem_responses(403, 404, 409),
    response_model=OrganisationPublic,
    summary="End the organisation's membership (its admin).",
)
async def leave(organisation_id: UUID, caller: Caller, uow: UoW) -> OrganisationPublic:
    return public(await applications.leave(uow, organisation_id, caller))


@router.get(
    "/clusters/{cluster_id}/applications",
    responses=problem_responses(403),
    response_model=list[OrganisationPublic],
    tags=["applications"],
    summary="Applications to a cluster (its managers, admins).",
)
async def list_applications(
    cluster_id: UUID,
    caller: Caller,
    uow: UoW,
    limit: Limit = 50,
    offset: Offset = 0,
    status: Status = Status.PENDING,
) -> list[OrganisationPublic]:
    found = await applications.list_applications(
        uow, cluster_id, caller, status=status, limit=limit, offset=offset
    )
    return [public(o) for o in found]
