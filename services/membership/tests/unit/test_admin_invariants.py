"""An organisation always keeps an admin, the platform an administrator; the bootstrap address is reserved."""

from uuid import uuid4

import pytest

from cloth_shared.auth.principal import Role
from cloth_shared.contracts.membership import PersonErased
from cloth_shared.errors import NotFound
from cloth_shared.outbox.tombstone import Tombstone
from membership.domain.organisations import WITHDRAWN, Status
from membership.domain.people import LastOrganisationAdmin, LastPlatformAdmin, ReservedEmail
from membership.service_layer import accounts, people
from membership.service_layer.ports import BootstrapAdmin

from .builders import a_cluster, a_person, an_organisation, signed_in
from .fakes import FakeMembershipUnitOfWork, fake_identity


def an_admin_of(uow, organisation):
    return a_person(uow, role=Role.ORGANISATION_ADMIN, organisation_id=organisation.id)


async def test_the_last_admin_of_an_organisation_cannot_demote_themselves() -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow))
    admin = an_admin_of(uow, organisation)
    with pytest.raises(LastOrganisationAdmin):
        await people.change_role(
            uow, signed_in(admin), admin.id, Role.ORGANISATION_MEMBER, organisation_id=organisation.id
        )
    assert uow.database.people[admin.id].role is Role.ORGANISATION_ADMIN
    assert uow.events == []


async def test_an_admin_with_a_colleague_admin_may_step_down() -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow))
    admin, _ = an_admin_of(uow, organisation), an_admin_of(uow, organisation)
    changed = await people.change_role(
        uow, signed_in(admin), admin.id, Role.ORGANISATION_MEMBER, organisation_id=organisation.id
    )
    assert changed.role is Role.ORGANISATION_MEMBER


async def test_the_last_admin_of_an_organisation_cannot_remove_themselves_or_be_removed() -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow))
    admin = an_admin_of(uow, organisation)
    platform = a_person(uow, role=Role.PLATFORM_ADMIN)
    for caller in (admin, platform):
        with pytest.raises(LastOrganisationAdmin):
            await people.remove_person(uow, signed_in(caller), admin.id)


@pytest.mark.parametrize("status", [Status.ACTIVE, Status.SUSPENDED])
async def test_the_last_admin_of_a_member_organisation_cannot_erase_themselves(status: Status) -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow), status=status)
    admin = an_admin_of(uow, organisation)
    with pytest.raises(LastOrganisationAdmin):
        await people.erase(uow, signed_in(admin))
    assert uow.database.people[admin.id].email is not None
    assert uow.database.organisations[organisation.id].status is status


async def test_the_only_admin_of_a_pending_application_erases_themselves_and_withdraws_it() -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow), status=Status.PENDING)
    admin = an_admin_of(uow, organisation)

    await people.erase(uow, signed_in(admin))

    assert uow.database.people[admin.id].email is None
    withdrawn = uow.database.organisations[organisation.id]
    assert (withdrawn.status, withdrawn.rejection_reason, withdrawn.decided_by) == (
        Status.REJECTED,
        WITHDRAWN,
        None,
    )
    assert [type(event) for event in uow.events] == [PersonErased, Tombstone]  # no membership fact


async def test_the_only_platform_administrator_cannot_give_up_the_role() -> None:
    uow = FakeMembershipUnitOfWork()
    administrator = a_person(uow, role=Role.PLATFORM_ADMIN)
    cluster = a_cluster(uow)
    with pytest.raises(LastPlatformAdmin):
        await people.change_role(
            uow, signed_in(administrator), administrator.id, Role.CLUSTER_MANAGER, cluster_id=cluster.id
        )
    with pytest.raises(LastPlatformAdmin):
        await people.remove_person(uow, signed_in(administrator), administrator.id)
    with pytest.raises(LastPlatformAdmin):
        await people.erase(uow, signed_in(administrator))


async def test_one_of_two_platform_administrators_may_give_up_the_role() -> None:
    uow = FakeMembershipUnitOfWork()
    administrator, _ = a_person(uow, role=Role.PLATFORM_ADMIN), a_person(uow, role=Role.PLATFORM_ADMIN)
    removed = await people.remove_person(uow, signed_in(administrator), administrator.id)
    assert removed.role is None


async def test_a_role_in_an_organisation_or_cluster_that_does_not_exist_is_not_found() -> None:
    uow = FakeMembershipUnitOfWork()
    administrator = a_person(uow, role=Role.PLATFORM_ADMIN)
    person = a_person(uow)
    with pytest.raises(NotFound):
        await people.change_role(
            uow, signed_in(administrator), person.id, Role.ORGANISATION_ADMIN, organisation_id=uuid4()
        )
    with pytest.raises(NotFound):
        await people.change_role(
            uow, signed_in(administrator), person.id, Role.CLUSTER_MANAGER, cluster_id=uuid4()
        )


async def test_nobody_signs_up_with_the_bootstrap_administrators_address() -> None:
    uow = FakeMembershipUnitOfWork()
    identity = fake_identity(bootstrap_admin=BootstrapAdmin("admin@cloth.example", "operator password"))
    command = accounts.SignUp("admin@cloth.example", "a long new password", "Mallory", "en")
    with pytest.raises(ReservedEmail):
        await accounts.sign_up(uow, identity, command)
    assert uow.database.people == {}
