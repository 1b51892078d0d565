import pytest

from cloth_shared.contracts.membership import OrganisationProfileUpdated
from cloth_shared.errors import NotAllowed
from membership.domain.clusters import DuplicateCluster
from membership.domain.organisations import Organisation, ProfileClosed, Status
from membership.domain.profile import ProfileChanges
from membership.service_layer import profiles
from membership.service_layer.profiles import AddCluster, UpdateProfile

from .builders import a_cluster, admin_of, an_organisation, manager_of, member_of, platform_admin
from .fakes import FakeMembershipUnitOfWork

CHANGES = ProfileChanges(city="Terrassa", certifications=("GOTS",), description="Organic cotton yarns")


def changing(organisation: Organisation) -> UpdateProfile:
    return UpdateProfile(organisation.id, CHANGES)


async def test_a_member_organisations_own_people_update_its_profile_and_the_change_is_announced() -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow), status=Status.ACTIVE)

    updated = await profiles.update_profile(uow, member_of(organisation), changing(organisation))

    stored = uow.database.organisations[organisation.id]
    assert stored == updated
    assert (stored.profile.city, stored.profile.certifications, stored.version) == ("Terrassa", ("GOTS",), 2)
    [event] = uow.events
    assert isinstance(event, OrganisationProfileUpdated)
    assert (event.organisation.city, event.organisation.description) == ("Terrassa", "Organic cotton yarns")


async def test_a_pending_organisation_updates_its_profile_without_announcing_it() -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow))

    await profiles.update_profile(uow, admin_of(organisation), changing(organisation))

    assert uow.database.organisations[organisation.id].profile.city == "Terrassa"
    assert uow.committed
    assert uow.events == []


async def test_people_outside_the_organisation_may_not_change_its_profile() -> None:
    uow = FakeMembershipUnitOfWork()
    cluster = a_cluster(uow)
    organisation = an_organisation(uow, cluster, status=Status.ACTIVE)
    someone_else = member_of(an_organisation(uow, cluster, status=Status.ACTIVE))
    before = uow.database.copy()

    for outsider in (someone_else, manager_of(cluster), platform_admin()):
        with pytest.raises(NotAllowed):
            await profiles.update_profile(uow, outsider, changing(organisation))

    assert uow.database == before
    assert uow.events == []


async def test_an_organisation_that_left_can_no_longer_change_its_profile() -> None:
    uow = FakeMembershipUnitOfWork()
    organisation = an_organisation(uow, a_cluster(uow), status=Status.LEFT)

    with pytest.raises(ProfileClosed):
        await profiles.update_profile(uow, admin_of(organisation), changing(organisation))

    assert uow.database.organisations[organisation.id].profile.city == "Sabadell"


CLUSTER = AddCluster(
    name="Flemish Fashion Hub",
    short_name="FFH",
    country="BE",
    home_region="Flanders",
    city="Ghent",
    latitude=51.05,
    longitude=3.72,
)


async def test_a_platform_administrator_adds_a_cluster_and_it_is_listed() -> None:
    uow = FakeMembershipUnitOfWork()
    a_cluster(uow)

    added = await profiles.add_cluster(uow, platform_admin(), CLUSTER)

    assert [c.name for c in await profiles.list_clusters(uow)] == [
        "Catalan Textile Cluster",
        "Flemish Fashion Hub",
    ]
    assert uow.database.clusters[added.id] == added


async def test_a_cluster_with_a_taken_name_is_refused() -> None:
    uow = FakeMembershipUnitOfWork()
    a_cluster(uow, name="Flemish Fashion Hub")

    with pytest.raises(DuplicateCluster):
        await profiles.add_cluster(uow, platform_admin(), CLUSTER)

    assert len(uow.database.clusters) == 1


async def test_only_platform_administrators_add_clusters() -> None:
    uow = FakeMembershipUnitOfWork()
    cluster = a_cluster(uow)

    with pytest.raises(NotAllowed):
        await profiles.add_cluster(uow, manager_of(cluster), CLUSTER)

    assert len(uow.database.clusters) == 1
