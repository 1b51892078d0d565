"""Clusters and organisations: the in-memory fakes and PostgreSQL keep the same contract."""

from dataclasses import replace

from membership.domain.organisations import Status
from membership.domain.profile import Profile

from .repository_examples import Store, a_cluster, an_organisation, at, committed, ids, read


async def test_a_cluster_that_was_added_is_found_and_listed_by_name(store: Store) -> None:
    uow = store.uow
    zeta, alpha = a_cluster(name="Zeta cluster"), a_cluster(name="Alpha cluster")

    assert await committed(uow, lambda u: u.clusters.add(zeta))
    assert await committed(uow, lambda u: u.clusters.add(alpha))

    assert await read(uow, lambda u: u.clusters.get(zeta.id)) == zeta
    assert await read(uow, lambda u: u.clusters.exists(alpha.id))
    listed = [c for c in await read(uow, lambda u: u.clusters.list()) if c.id in (zeta.id, alpha.id)]
    assert listed == [alpha, zeta]


async def test_a_cluster_with_a_taken_name_or_short_name_is_not_added(store: Store) -> None:
    uow, first = store.uow, a_cluster()
    await committed(uow, lambda u: u.clusters.add(first))

    assert not await committed(uow, lambda u: u.clusters.add(a_cluster(name=first.name)))
    assert not await committed(uow, lambda u: u.clusters.add(a_cluster(short_name=first.short_name)))


async def test_an_unknown_cluster_does_not_exist(store: Store) -> None:
    unknown = a_cluster()
    assert not await read(store.uow, lambda u: u.clusters.exists(unknown.id))
    assert await read(store.uow, lambda u: u.clusters.get(unknown.id)) is None


async def test_an_organisation_comes_back_exactly_as_it_was_added(store: Store) -> None:
    uow, cluster = store.uow, a_cluster()
    await committed(uow, lambda u: u.clusters.add(cluster))
    organisation = an_organisation(cluster)

    assert await committed(uow, lambda u: u.organisations.add(organisation))

    assert await read(uow, lambda u: u.organisations.get(organisation.id)) == organisation
    assert await read(uow, lambda u: u.organisations.get(organisation.id, for_update=True)) == organisation


async def test_an_organisation_with_a_taken_registration_number_is_not_added(store: Store) -> None:
    uow, cluster = store.uow, a_cluster()
    await committed(uow, lambda u: u.clusters.add(cluster))
    first = an_organisation(cluster)
    await committed(uow, lambda u: u.organisations.add(first))

    twin = an_organisation(cluster, registration_number=first.registration_number)
    assert not await committed(uow, lambda u: u.organisations.add(twin))
    assert await read(uow, lambda u: u.organisations.get(twin.id)) is None


async def test_what_is_not_committed_is_not_kept(store: Store) -> None:
    uow, cluster = store.uow, a_cluster()
    async with uow:
        await uow.clusters.add(cluster)

    assert not await read(uow, lambda u: u.clusters.exists(cluster.id))


async def test_saving_the_status_keeps_the_stored_profile(store: Store) -> None:
    uow, cluster = store.uow, a_cluster()
    await committed(uow, lambda u: u.clusters.add(cluster))
    organisation = an_organisation(cluster)
    await committed(uow, lambda u: u.organisations.add(organisation))
    decided = replace(
        organisation,
        status=Status.REJECTED,
        decided_at=at(5),
        rejection_reason="outside the region",
        decided_by=cluster.id,
        version=2,
        profile=Profile(legal_name="Not saved by a status change"),
    )

    await committed(uow, lambda u: u.organisations.save_status(decided))

    assert await read(uow, lambda u: u.organisations.get(organisation.id)) == replace(
        decided, profile=organisation.profile
    )


async def test_saving_the_profile_keeps_the_stored_status(store: Store) -> None:
    uow, cluster = store.uow, a_cluster()
    await committed(uow, lambda u: u.clusters.add(cluster))
    organisation = an_organisation(cluster)
    await committed(uow, lambda u: u.organisations.add(organisation))
    profile = Profile(legal_name="Teixits Nous SL", city="Terrassa", languages=("ca",))
    changed = replace(organisation, profile=profile, version=2, status=Status.ACTIVE)

    await committed(uow, lambda u: u.organisations.save_profile(changed))

    assert await read(uow, lambda u: u.organisations.get(organisation.id)) == replace(
        changed, status=Status.PENDING
    )


async def test_a_clusters_applications_in_a_status_come_oldest_first_a_page_at_a_time(store: Store) -> None:
    uow, home, other = store.uow, a_cluster(), a_cluster()
    for cluster in (home, other):
        await committed(uow, lambda u, c=cluster: u.clusters.add(c))
    second, first, third = (an_organisation(home, applied_at=at(m)) for m in (2, 1, 3))
    elsewhere = an_organisation(other, applied_at=at(0))
    active = an_organisation(home, applied_at=at(0), status=Status.ACTIVE)
    for organisation in (second, first, third, elsewhere, active):
        await committed(uow, lambda u, o=organisation: u.organisations.add(o))

    async def page(offset: int) -> list[object]:
        found = await read(
            uow,
            lambda u: u.organisations.applications(home.id, status=Status.PENDING, limit=2, offset=offset),
        )
        return ids(found)

    assert await page(0) == [first.id, second.id]
    assert await page(2) == [third.id]
