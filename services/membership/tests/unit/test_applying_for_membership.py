from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Role
from cloth_shared.contracts.membership import PersonJoined
from cloth_shared.errors import InvalidInput, NotAllowed, NotFound
from membership.domain.organisations import DuplicateRegistration, Status
from membership.domain.people import AlreadyAffiliated
from membership.service_layer import applications

from .builders import a_cluster, a_person, an_application, an_organisation, manager_of, platform_admin
from .fakes import FakeMembershipUnitOfWork


async def test_applying_stores_a_pending_organisation_with_the_applicants_details() -> None:
    uow = FakeMembershipUnitOfWork()
    cluster, applicant = a_cluster(uow), a_person(uow)

    organisation = await applications.apply_for_membership(
        uow, an_application(cluster.id), applicant_id=applicant.id
    )

    assert uow.committed
    stored = uow.database.organisations[organisation.id]
    assert stored.status is Status.PENDING
    assert (stored.profile.legal_name, stored.cluster_id, stored.registration_number) == (
        "Filatures Reunides SA",
        cluster.id,
        "ES-A08000001",
    )
    assert stored.profile.value_chains == ("fashion_textile", "circular_economy")


async def test_the_applicant_becomes_the_first_admin_of_the_organisation_and_their_joining_is_announced() -> (
    None
):
    uow = FakeMembershipUnitOfWork()
    cluster, applicant = a_cluster(uow), a_person(uow)

    organisation = await applications.apply_for_membership(
        uow, an_application(cluster.id), applicant_id=applicant.id
    )

    admin = uow.database.people[applicant.id]
    assert (admin.role, admin.organisation_id) == (Role.ORGANISATION_ADMIN, organisation.id)
    [event] = uow.events
    assert isinstance(event, PersonJoined)
    assert event.person_id == applicant.id
    assert (event.person.role, event.person.organisation_id) == ("organisation_admin", organisation.id)
    assert event.person.email == applicant.email


async def test_a_second_application_with_a_taken_registration_number_is_refused_and_nothing_is_stored() -> (
    None
):
    uow = FakeMembershipUnitOfWork()
    cluster = a_cluster(uow)
    an_organisation(uow, cluster, registration_number="ES-A08000001")
    applicant = a_person(uow)
    before = uow.database.copy()

    with pytest.raises(DuplicateRegistration) as refused:
        await applications.apply_for_membership(uow, an_application(cluster.id), applicant_id=applicant.id)

    assert refused.value.code == "duplicate-registration-number"
    assert refused.value.extra == {"field": "registration_number"}
    assert uow.database == before
    assert uow.database.people[applicant.id].role is None
    assert not uow.committed
    assert uow.events == []


async def test_an_application_to_an_unknown_cluster_is_refused_and_nothing_is_stored() -> None:
    uow = FakeMembershipUnitOfWork()
    a_cluster(uow)
    applicant = a_person(uow)
    before = uow.database.copy()

    with pytest.raises(InvalidInput) as refused:
        await applications.apply_for_membership(uow, an_application(uuid4()), applicant_id=applicant.id)

    assert (refused.value.code, refused.value.extra) == ("unknown-cluster", {"field": "cluster_id"})
    assert uow.database == before
    assert uow.events == []


async def test_a_person_who_already_has_a_role_cannot_apply_for_another_organisation() -> None:
    uow = FakeMembershipUnitOfWork()
    cluster = a_cluster(uow)
    member = a_person(uow, role=Role.ORGANISATION_MEMBER, organisation_id=uuid4())

    with pytest.raises(AlreadyAffiliated):
        await applications.apply_for_membership(uow, an_application(cluster.id), applicant_id=member.id)

    assert len(uow.database.organisations) == 0
    assert uow.events == []


async def test_an_unknown_applicant_is_not_found() -> None:
    uow = FakeMembershipUnitOfWork()
    cluster = a_cluster(uow)

    with pytest.raises(NotFound):
        await applications.apply_for_membership(uow, an_application(cluster.id), applicant_id=uuid4())

    assert len(uow.database.organisations) == 0


async def test_the_home_cluster_lists_its_pending_applications_oldest_first() -> None:
    uow = FakeMembershipUnitOfWork()
    home, other = a_cluster(uow), a_cluster(uow, name="Flemish Fashion Hub")
    later = await applications.apply_for_membership(
        uow, an_application(home.id), applicant_id=a_person(uow).id
    )
    earlier = an_organisation(uow, home)  # applied before the one above
    an_organisation(uow, home, status=Status.ACTIVE)
    an_organisation(uow, other)

    listed = await applications.list_applications(
        uow, home.id, manager_of(home), status=Status.PENDING, limit=10, offset=0
    )

    assert [o.id for o in listed] == [earlier.id, later.id]


async def test_only_the_home_cluster_and_administrators_may_list_its_applications() -> None:
    uow = FakeMembershipUnitOfWork()
    home, other = a_cluster(uow), a_cluster(uow, name="Flemish Fashion Hub")
    an_organisation(uow, home)

    with pytest.raises(NotAllowed):
        await applications.list_applications(
            uow, home.id, manager_of(other), status=Status.PENDING, limit=10, offset=0
        )
    listed = await applications.list_applications(
        uow, home.id, platform_admin(), status=Status.PENDING, limit=10, offset=0
    )
    assert len(listed) == 1
