from uuid import uuid4

import pytest

from cloth_shared.contracts.membership import (
    MembershipEnded,
    MembershipReinstated,
    SMEJoined,
    StakeholderJoined,
)
from cloth_shared.errors import Conflict, NotAllowed, NotFound
from membership.domain.organisations import Category, InvalidTransition, Status
from membership.service_layer import applications

from .builders import a_cluster, admin_of, an_organisation, manager_of, member_of, platform_admin
from .fakes import FakeMembershipUnitOfWork


async def test_approval_by_a_manager_of_the_home_cluster_activates_the_organisation() -> None:
    uow = FakeMembershipUnitOfWork()
    cluster = a_cluster(uow)
    pending = an_organisation(uow, cluster)
    manager = manager_of(cluster)

    approved = await applications.approve_application(uow, pending.id, manager)

    stored = uow.database.organisations[pending.id]
    assert stored == approved
    assert (stored.status, stored.decided_by, stored.version) == (Status.ACTIVE, manager.subject, 2)
    assert stored.decided_at is not None


async def test_approving_an_sme_announces_that_an_sme_joined_with_its_profile() -> None:
    uow = FakeMembershipUnitOfWork()
    cluster = a_cluster(uow)
    pending = an_organisation(uow, cluster, category=Category.SME, website="https://teixits.example")
    manager = manager_of(cluster)

    approved = await applications.approve_application(uow, pending.id, manager)

    [event] = uow.events
    assert isinstance(event, SMEJoined)
    assert (event.approved_by, event.joined_at) == (manager.subject, approved.decided_at)
    snapshot = event.organisation
    assert (snapshot.organisation_id, snapshot.legal_name, snapshot.category) == (
        pending.id,
        "Teixits del Vallès SL",
        "sme",
    )
    assert (snapshot.cluster_id, snapshot.city, snapshot.website) == (
        cluster.id,
        "Sabadell",
        "https://teixits.example",
    )
    assert snapshot.value_chains == ("fashion_textile",)


@pytest.mark.parametrize(
    "category",
    [
        Category.CLUSTER_ORGANISATION,
        Category.SUPPORT_ORGANISATION,
        Category.LARGE_COMPANY,
        Category.PUBLIC_BODY,
    ],
)
async def test_approving_any_other_category_announces_that_a_stakeholder_joined(category: Category) -> None:
    uow = FakeMembershipUnitOfWork()
    cluster = a_cluster(uow)
    pending = an_organisation(uow, cluster, category=category)

    await applications.approve_application(uow, pending.id, manager_of(cluster))

    [event] = uow.events
    assert type(event) is StakeholderJoined
    assert event.organisation.category == category.value


async def test_a_manager_of_another_cluster_may_not_decide_and_nothing_changes() -> None:
    uow = FakeMembershipUnitOfWork()
    home, other = a_cluster(uow), a_cluster(uow, name="Flemish Fashion Hub")
    pending = an_organisation(uow, home)
    before = uow.database.copy()

    with pytest.raises(NotAllowed):
        await applications.approve_application(uow, pending.id, manager_of(other))
    with pytest.raises(NotAllowed):
        await applications.reject_application(uow, pending.id, manager_of(other), "not ours")

    assert uow.database == before
    assert uow.events == []


async def test_not_even_a_platform_administrator_decides_applications_for_a_cluster() -> None:
    uow = FakeMembershipUnitOfWork()
    pending = an_organisation(uow, a_cluster(uow))

    with pytest.raises(NotAllowed):
        await applications.approve_application(uow, pending.id, platform_admin())

    assert uow.database.organisations[pending.id].status is Status.PENDING


async def test_rejection_records_the_reason_and_announces_nothing() -> None:
    uow = FakeMembershipUnitOfWork()
    cluster = a_cluster(uow)
    pending = an_organisation(uow, cluster)

    await applications.reject_application(uow, pending.id, manager_of(cluster), "outside our region")

    stored = uow.database.organisations[pending.id]
    assert (stored.status, stored.rejection_reason) == (Status.REJECTED, "outside our region")
    assert uow.committed
    assert uow.events == []


async def test_approving_twice_is_an_invalid_transition_that_names_the_current_status() -> None:
    uow = FakeMembershipUnitOfWork()
    cluster = a_cluster(uow)
    pending = an_organisation(uow, cluster)
    await applications.approve_application(uow, pending.id, manager_of(cluster))
    after_first = uow.database.copy()

    with pytest.raises(InvalidTransition) as refused:
        await applications.approve_application(uow, pending.id, manager_of(cluster))

    assert isinstance(refused.value, Conflict)  # the 409 kind
    assert refused.value.code == "invalid-status-transition"
    assert refused.value.extra == {"current_status": "active", "requested_status": "active"}
    assert uow.database == after_first
    assert len(uow.events) == 1


async def test_deciding_on_an_unknown_organisation_is_not_found() -> None:
    uow = FakeMembershipUnitOfWork()
    cluster = a_cluster(uow)

    with pytest.raises(NotFound):
        await applications.approve_application(uow, uuid4(), manager_of(cluster))


async def test_suspending_an_active_member_announces_that_its_membership_ended_as_suspended() -> None:
    uow = FakeMembershipUnitOfWork()
    cluster = a_cluster(uow)
    active = an_organisation(uow, cluster, status=Status.ACTIVE)

    suspended = await applications.suspend(uow, active.id, manager_of(cluster))

    assert uow.database.organisations[active.id].status is Status.SUSPENDED
    [event] = uow.events
    assert isinstance(event, MembershipEnded)
    assert (event.reason, event.ended_at) == ("suspended", suspended.decided_at)
    assert event.organisation.organisation_id == active.id


async def test_reinstating_a_suspended_member_announces_the_reinstatement() -> None:
    uow = FakeMembershipUnitOfWork()
    cluster = a_cluster(uow)
    suspended = an_organisation(uow, cluster, status=Status.SUSPENDED)

    reinstated = await applications.reinstate(uow, suspended.id, platform_admin())

    assert uow.database.organisations[suspended.id].status is Status.ACTIVE
    [event] = uow.events
    assert isinstance(event, MembershipReinstated)
    assert event.reinstated_at == reinstated.decided_at


async def test_reinstating_a_pending_application_is_refused_as_it_is_not_an_approval() -> None:
    uow = FakeMembershipUnitOfWork()
    cluster = a_cluster(uow)
    pending = an_organisation(uow, cluster)

    with pytest.raises(InvalidTransition):
        await applications.reinstate(uow, pending.id, manager_of(cluster))

    assert uow.events == []


async def test_a_suspension_by_another_clusters_manager_is_refused() -> None:
    uow = FakeMembershipUnitOfWork()
    home, other = a_cluster(uow), a_cluster(uow, name="Flemish Fashion Hub")
    active = an_organisation(uow, home, status=Status.ACTIVE)

    with pytest.raises(NotAllowed):
        await applications.suspend(uow, active.id, manager_of(other))

    assert uow.database.organisations[active.id].status is Status.ACTIVE
    assert uow.events == []


@pytest.mark.parametrize("status", [Status.ACTIVE, Status.SUSPENDED])
async def test_the_organisations_admin_leaving_announces_that_its_membership_ended_as_left(
    status: Status,
) -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow), status=status)

    await applications.leave(uow, organisation.id, admin_of(organisation))

    assert uow.database.organisations[organisation.id].status is Status.LEFT
    [event] = uow.events
    assert isinstance(event, MembershipEnded)
    assert event.reason == "left"


async def test_an_ordinary_member_may_not_make_the_organisation_leave() -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow), status=Status.ACTIVE)

    with pytest.raises(NotAllowed):
        await applications.leave(uow, organisation.id, member_of(organisation))

    assert uow.events == []


async def test_an_organisation_is_shown_to_its_people_and_its_cluster_but_not_to_others() -> None:
    uow = FakeMembershipUnitOfWork()
    home, other = a_cluster(uow), a_cluster(uow, name="Flemish Fashion Hub")
    organisation = an_organisation(uow, home)

    for caller in (member_of(organisation), manager_of(home), platform_admin()):
        assert await applications.get_organisation(uow, organisation.id, caller) == organisation
    with pytest.raises(NotAllowed):
        await applications.get_organisation(uow, organisation.id, manager_of(other))
