"""Membership HTTP API: thin routes that parse, call one use case, and shape the answer."""

from dataclasses import asdict
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, status

from cloth_shared.errors import NotFound
from cloth_shared.service import Infrastructure, infrastructure
from membership.entrypoints.schemas import (
    ClusterPublic,
    OrganisationCreate,
    OrganisationPublic,
    RejectionCreate,
)
from membership.service_layer import applications
from membership.service_layer.unit_of_work import MembershipUnitOfWork

router = APIRouter()


def unit_of_work(infra: Annotated[Infrastructure, Depends(infrastructure)]) -> MembershipUnitOfWork:
    return MembershipUnitOfWork(infra.pool, infra.outbox)


UoW = Annotated[MembershipUnitOfWork, Depends(unit_of_work)]


def _public(organisation: object) -> OrganisationPublic:
    return OrganisationPublic.model_validate(asdict(organisation), from_attributes=False)  # type: ignore[call-overload]


@router.get("/clusters", response_model=list[ClusterPublic], tags=["clusters"])
async def list_clusters(uow: UoW) -> list[dict[str, object]]:
    async with uow:
        return await uow.clusters.list()


@router.post(
    "/organisations",
    response_model=OrganisationPublic,
    status_code=status.HTTP_201_CREATED,
    tags=["organisations"],
    summary="Apply for membership of a cluster.",
)
async def apply(body: OrganisationCreate, uow: UoW) -> OrganisationPublic:
    command = applications.ApplyForMembership(**body.model_dump())
    return _public(await applications.apply_for_membership(uow, command))


@router.get("/organisations/{organisation_id}", response_model=OrganisationPublic, tags=["organisations"])
async def get_organisation(organisation_id: UUID, uow: UoW) -> OrganisationPublic:
    async with uow:
        organisation = await uow.organisations.get(organisation_id)
    if organisation is None:
        raise NotFound("no such organisation", code="organisation-not-found")
    return _public(organisation)


@router.post(
    "/organisations/{organisation_id}/approval",
    response_model=OrganisationPublic,
    tags=["applications"],
    summary="The home cluster approves the application.",
)
async def approve(organisation_id: UUID, uow: UoW) -> OrganisationPublic:
    return _public(await applications.approve_application(uow, organisation_id))


@router.post(
    "/organisations/{organisation_id}/rejection",
    response_model=OrganisationPublic,
    tags=["applications"],
    summary="The home cluster rejects the application, with a reason.",
)
async def reject(organisation_id: UUID, body: RejectionCreate, uow: UoW) -> OrganisationPublic:
    return _public(await applications.reject_application(uow, organisation_id, body.reason))
