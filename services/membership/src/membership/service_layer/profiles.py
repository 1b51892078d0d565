"""Use cases of organisation profiles and clusters."""

from dataclasses import asdict, dataclass
from uuid import UUID, uuid4

from cloth_shared.auth.principal import Principal
from cloth_shared.errors import NotFound
from membership.domain import access
from membership.domain import organisations as rules
from membership.domain.clusters import Cluster, DuplicateCluster
from membership.domain.organisations import Organisation, Status
from membership.domain.profile import ProfileChanges
from membership.service_layer import callers, events
from membership.service_layer.callers import CallerOrHolder
from membership.service_layer.unit_of_work import MembershipUnitOfWork


@dataclass(frozen=True, slots=True)
class UpdateProfile:
    organisation_id: UUID
    changes: ProfileChanges


@dataclass(frozen=True, slots=True)
class AddCluster:
    name: str
    short_name: str
    country: str
    home_region: str
    city: str
    latitude: float
    longitude: float


async def update_profile(
    uow: MembershipUnitOfWork, caller: CallerOrHolder, command: UpdateProfile
) -> Organisation:
    """An organisation's own people change its profile; members' changes are announced.

    A token holder's standing is read with the organisation as it is locked (one statement)."""
    if isinstance(caller, Principal):  # already current: refused before any row is locked
        access.edit_profile(caller, command.organisation_id)
    async with uow:
        current_caller, current = await callers.with_organisation(
            uow, caller, command.organisation_id, for_update=True
        )
        access.edit_profile(current_caller, command.organisation_id)
        if current is None:
            raise NotFound("no such organisation", code="organisation-not-found")
        updated = rules.update_profile(current, command.changes)
        await uow.organisations.save_profile(updated)
        if updated.status is Status.ACTIVE:
            uow.emit(events.profile_updated(updated))
        await uow.commit()
    return updated


async def add_cluster(uow: MembershipUnitOfWork, caller: Principal, command: AddCluster) -> Cluster:
    """A platform administrator adds a cluster to the alliance."""
    access.manage_clusters(caller)
    cluster = Cluster(id=uuid4(), **asdict(command))
    async with uow:
        if not await uow.clusters.add(cluster):
            raise DuplicateCluster("a cluster with this name or short name exists", field="name")
        await uow.commit()
    return cluster


async def list_clusters(uow: MembershipUnitOfWork) -> list[Cluster]:
    async with uow:
        return await uow.clusters.list()
