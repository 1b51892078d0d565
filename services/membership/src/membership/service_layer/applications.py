"""Use cases of membership applications: apply, approve, reject."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID, uuid4

from cloth_shared.errors import InvalidInput, NotFound
from membership.domain import organisations as rules
from membership.domain.organisations import Category, Organisation, Status
from membership.service_layer.events import joined
from membership.service_layer.unit_of_work import MembershipUnitOfWork


@dataclass(frozen=True, slots=True)
class ApplyForMembership:
    legal_name: str
    category: Category
    cluster_id: UUID
    country: str
    registration_number: str
    region: str | None = None
    city: str | None = None
    latitude: float | None = None
    longitude: float | None = None


async def apply_for_membership(uow: MembershipUnitOfWork, command: ApplyForMembership) -> Organisation:
    """An organisation applies to its home cluster; it waits as `pending` for a decision."""
    organisation = Organisation(
        id=uuid4(),
        legal_name=command.legal_name,
        category=command.category,
        cluster_id=command.cluster_id,
        country=command.country,
        registration_number=command.registration_number,
        status=Status.PENDING,
        applied_at=datetime.now(UTC),
        region=command.region,
        city=command.city,
        latitude=command.latitude,
        longitude=command.longitude,
    )
    async with uow:
        if not await uow.clusters.exists(command.cluster_id):
            raise InvalidInput("no such cluster", code="unknown-cluster", field="cluster_id")
        if not await uow.organisations.add(organisation):
            raise rules.DuplicateRegistration(
                "an organisation with this registration number already applied",
                field="registration_number",
            )
        await uow.commit()
    return organisation


async def _decide(
    uow: MembershipUnitOfWork, organisation_id: UUID, decide: Callable[[Organisation], Organisation]
) -> Organisation:
    async with uow:
        current = await uow.organisations.get(organisation_id, for_update=True)
        if current is None:
            raise NotFound("no such organisation", code="organisation-not-found")
        decided = decide(current)
        await uow.organisations.save_status(decided)
        if decided.status is Status.ACTIVE:
            uow.emit(joined(decided))
        await uow.commit()
    return decided


async def approve_application(uow: MembershipUnitOfWork, organisation_id: UUID) -> Organisation:
    """The home cluster approves: the organisation becomes active and its joining is announced."""
    return await _decide(uow, organisation_id, lambda o: rules.approve(o, at=datetime.now(UTC)))


async def reject_application(uow: MembershipUnitOfWork, organisation_id: UUID, reason: str) -> Organisation:
    return await _decide(uow, organisation_id, lambda o: rules.reject(o, reason=reason, at=datetime.now(UTC)))
