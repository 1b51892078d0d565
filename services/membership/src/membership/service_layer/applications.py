"""Use cases of membership: apply, and the decisions that move an organisation's status."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import InvalidInput, NotFound
from membership.domain import access, people
from membership.domain import organisations as rules
from membership.domain.organisations import Category, Organisation, Status
from membership.domain.profile import Profile
from membership.service_layer import callers, events
from membership.service_layer.callers import CallerOrHolder
from membership.service_layer.unit_of_work import MembershipUnitOfWork


@dataclass(frozen=True, slots=True)
class ApplyForMembership:
    category: Category
    cluster_id: UUID
    country: str
    registration_number: str
    profile: Profile


def _new_organisation(command: ApplyForMembership, at: datetime) -> Organisation:
    return Organisation(
        id=uuid4(),
        category=command.category,
        cluster_id=command.cluster_id,
        country=command.country,
        registration_number=command.registration_number,
        status=Status.PENDING,
        applied_at=at,
        profile=command.profile,
    )


async def apply_for_membership(
    uow: MembershipUnitOfWork, command: ApplyForMembership, *, applicant_id: UUID
) -> Organisation:
    """A signed-in person applies for their organisation, whose first admin they become."""
    now = datetime.now(UTC)
    organisation = _new_organisation(command, now)
    async with uow:
        applicant = await uow.people.get(applicant_id, for_update=True)
        if applicant is None or applicant.email is None:
            raise NotFound("no such person", code="person-not-found")
        admin = people.become_first_admin(applicant, organisation.id)
        if not await uow.clusters.exists(command.cluster_id):
            raise InvalidInput("no such cluster", code="unknown-cluster", field="cluster_id")
        if not await uow.organisations.add(organisation):
            raise rules.DuplicateRegistration(
                "an organisation with this registration number already applied", field="registration_number"
            )
        await uow.people.save(admin)
        uow.emit(events.person_joined(admin, now))
        await uow.commit()
    return organisation


async def get_organisation(
    uow: MembershipUnitOfWork, organisation_id: UUID, caller: CallerOrHolder
) -> Organisation:
    """The full record, for its own people, its cluster's managers and administrators.

    A token holder's standing is read in the same statement as the organisation."""
    async with uow.reading():
        current, organisation = await callers.with_organisation(uow, caller, organisation_id)
    if organisation is None:
        raise NotFound("no such organisation", code="organisation-not-found")
    access.view_organisation(current, organisation)
    return organisation


Decision = Callable[[Organisation, datetime], Organisation]
Check = Callable[[Principal, Organisation], None]


async def _decide(
    uow: MembershipUnitOfWork, organisation_id: UUID, caller: Principal, check: Check, decide: Decision
) -> Organisation:
    async with uow:
        current = await uow.organisations.get(organisation_id, for_update=True)
        if current is None:
            raise NotFound("no such organisation", code="organisation-not-found")
        check(caller, current)
        decided = decide(current, datetime.now(UTC))
        await uow.organisations.save_status(decided)
        fact = rules.fact_of(current, decided)
        if fact is not None:
            uow.emit(events.ANNOUNCEMENTS[fact](decided))
        await uow.commit()
    return decided


async def approve_application(
    uow: MembershipUnitOfWork, organisation_id: UUID, caller: Principal
) -> Organisation:
    """The home cluster approves: the organisation becomes active and its joining is announced."""
    return await _decide(
        uow,
        organisation_id,
        caller,
        access.decide_application,
        lambda o, at: rules.approve(o, at=at, by=caller.subject),
    )


async def reject_application(
    uow: MembershipUnitOfWork, organisation_id: UUID, caller: Principal, reason: str
) -> Organisation:
    """The home cluster rejects, with a reason; nothing is announced (it never was a member)."""
    return await _decide(
        uow,
        organisation_id,
        caller,
        access.decide_application,
        lambda o, at: rules.reject(o, reason=reason, at=at, by=caller.subject),
    )


async def suspend(uow: MembershipUnitOfWork, organisation_id: UUID, caller: Principal) -> Organisation:
    """Its cluster or an administrator suspends an active member."""
    return await _decide(
        uow,
        organisation_id,
        caller,
        access.suspend_or_reinstate,
        lambda o, at: rules.suspend(o, at=at, by=caller.subject),
    )


async def reinstate(uow: MembershipUnitOfWork, organisation_id: UUID, caller: Principal) -> Organisation:
    """Its cluster or an administrator lifts a suspension."""
    return await _decide(
        uow,
        organisation_id,
        caller,
        access.suspend_or_reinstate,
        lambda o, at: rules.reinstate(o, at=at, by=caller.subject),
    )


async def leave(uow: MembershipUnitOfWork, organisation_id: UUID, caller: Principal) -> Organisation:
    """The organisation's admin ends its membership."""
    return await _decide(
        uow, organisation_id, caller, access.leave, lambda o, at: rules.leave(o, at=at, by=caller.subject)
    )


async def list_applications(
    uow: MembershipUnitOfWork, cluster_id: UUID, caller: Principal, *, status: Status, limit: int, offset: int
) -> list[Organisation]:
    access.list_applications(caller, cluster_id)
    async with uow.reading():
        return await uow.organisations.applications(cluster_id, status=status, limit=limit, offset=offset)
