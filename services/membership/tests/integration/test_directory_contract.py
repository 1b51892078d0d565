"""The directory's read side: the fake and PostgreSQL filter, sort, page and count alike."""

from dataclasses import replace
from typing import Any
from uuid import UUID

from membership.domain.organisations import PUBLIC_FIELDS, Category, Status
from membership.service_layer.repositories import DirectoryEntryValues, DirectoryFilter

from .repository_examples import Store, a_cluster, an_organisation, committed, ids


async def _seed(store: Store) -> dict[str, Any]:
    cluster, other = a_cluster(), a_cluster()
    for each in (cluster, other):
        await committed(store.uow, lambda u, c=each: u.clusters.add(c))
    examples = {
        "bruna": an_organisation(cluster, legal_name="Bruna Knits", status=Status.ACTIVE),
        "agencia": an_organisation(
            other,
            legal_name="Agència Moda",
            status=Status.ACTIVE,
            category=Category.PUBLIC_BODY,
            country="BE",
            region=None,
            value_chains=("creative_industries",),
            activities=("100%_recycled",),
        ),
        "cotton": an_organisation(cluster, legal_name="Cotton Co", status=Status.ACTIVE, city="Sabadell"),
        "pending": an_organisation(cluster, legal_name="Pending Yarns"),
        "suspended": an_organisation(cluster, legal_name="Suspended Dyes", status=Status.SUSPENDED),
    }
    for organisation in examples.values():
        await committed(store.uow, lambda u, o=organisation: u.organisations.add(o))
    return {**examples, "cluster": cluster, "other": other}


def entry_ids(entries: list[DirectoryEntryValues]) -> list[UUID]:
    return [entry["id"] for entry in entries]


async def test_active_organisations_are_paged_by_name_with_the_total(store: Store) -> None:
    seeded = await _seed(store)

    found = await store.directory.page(DirectoryFilter(), limit=2, offset=0)
    rest = await store.directory.page(DirectoryFilter(), limit=2, offset=2)
    past_the_end = await store.directory.page(DirectoryFilter(), limit=2, offset=10)

    assert entry_ids(found.items + rest.items) == [seeded[k].id for k in ("agencia", "bruna", "cotton")]
    assert (found.total, rest.total, past_the_end.items, past_the_end.total) == (3, 3, [], 3)
    assert all(list(entry) == list(PUBLIC_FIELDS) for entry in found.items + rest.items)
    assert (rest.next, past_the_end.next) == (None, None)


async def test_each_page_starts_after_the_last_one_of_the_previous_page(store: Store) -> None:
    seeded = await _seed(store)

    first = await store.directory.page(DirectoryFilter(), limit=2)
    assert first.next is not None
    second = await store.directory.page(DirectoryFilter(), limit=2, after=first.next)
    filtered = await store.directory.page(DirectoryFilter(region="ES511"), limit=1)
    assert filtered.next is not None
    filtered_rest = await store.directory.page(DirectoryFilter(region="ES511"), limit=1, after=filtered.next)

    assert entry_ids(first.items + second.items) == [seeded[k].id for k in ("agencia", "bruna", "cotton")]
    assert (second.total, second.next) == (3, None)
    assert entry_ids(filtered.items + filtered_rest.items) == [seeded[k].id for k in ("bruna", "cotton")]
    assert (filtered.total, filtered_rest.total, filtered_rest.next) == (2, 2, None)


async def test_totals_of_filtered_pages_count_what_matches(store: Store) -> None:
    seeded = await _seed(store)
    filters = {
        DirectoryFilter(): 3,
        DirectoryFilter(country="BE"): 1,
        DirectoryFilter(region="ES511"): 2,
        DirectoryFilter(category="sme"): 2,
        DirectoryFilter(value_chain="creative_industries"): 1,
        DirectoryFilter(cluster_id=seeded["cluster"].id): 2,
        DirectoryFilter(country="ES", category="sme"): 2,
        DirectoryFilter(text="sabadell"): 1,
        DirectoryFilter(country="FR"): 0,
    }

    for where, expected in filters.items():
        assert (await store.directory.page(where, limit=1)).total == expected, where


async def test_each_filter_narrows_the_directory(store: Store) -> None:
    seeded = await _seed(store)
    cluster = seeded["cluster"]
    filters = {
        DirectoryFilter(country="BE"): ["agencia"],
        DirectoryFilter(region="ES511"): ["bruna", "cotton"],
        DirectoryFilter(category="public_body"): ["agencia"],
        DirectoryFilter(value_chain="fashion_textile"): ["bruna", "cotton"],
        DirectoryFilter(cluster_id=cluster.id): ["bruna", "cotton"],
        DirectoryFilter(text="sabadell"): ["cotton"],
        DirectoryFilter(text="Knits Igualada"): [],  # each field is searched on its own
        DirectoryFilter(text="100%_rec"): ["agencia"],
        DirectoryFilter(text="0%_"): ["agencia"],
        DirectoryFilter(text="%"): ["agencia"],  # literal: not a wildcard matching everyone
    }

    for where, expected in filters.items():
        found = await store.directory.all(where, cap=10)
        assert ids(found) == [seeded[k].id for k in expected], where


async def test_the_whole_map_is_capped(store: Store) -> None:
    await _seed(store)

    assert len(await store.directory.all(DirectoryFilter(), cap=2)) == 2


async def test_active_organisations_are_counted_by_every_dimension(store: Store) -> None:
    seeded = await _seed(store)
    cluster, other = seeded["cluster"], seeded["other"]

    counts = await store.directory.counts()

    assert counts == {
        "country": {"BE": 1, "ES": 2},
        "region": {"(none)": 1, "ES511": 2},
        "category": {"public_body": 1, "sme": 2},
        "value_chain": {"circular_economy": 2, "creative_industries": 1, "fashion_textile": 2},
        "cluster": {str(cluster.id): 2, str(other.id): 1},
    }


async def test_counts_follow_approvals_suspensions_departures_and_profile_changes(store: Store) -> None:
    seeded = await _seed(store)
    cluster = seeded["cluster"]

    async def change(organisation: Any, **fields: Any) -> Any:
        profile = {k: fields.pop(k) for k in list(fields) if hasattr(organisation.profile, k)}
        changed = replace(organisation, profile=replace(organisation.profile, **profile), **fields)
        if profile:
            await committed(store.uow, lambda u: u.organisations.save_profile(changed))
        else:
            await committed(store.uow, lambda u: u.organisations.save_status(changed))
        return changed

    await change(seeded["pending"], status=Status.ACTIVE)  # approved
    await change(seeded["bruna"], status=Status.SUSPENDED)
    cotton = await change(seeded["cotton"], region="ES512", value_chains=("digital_technology",))
    await change(cotton, description="Only the description: no count moves.")
    await change(seeded["suspended"], status=Status.ACTIVE)  # reinstated
    await change(seeded["agencia"], status=Status.LEFT)

    counts = await store.directory.counts()

    assert counts == {
        "country": {"ES": 3},
        "region": {"ES511": 2, "ES512": 1},
        "category": {"sme": 3},
        "value_chain": {"circular_economy": 2, "digital_technology": 1, "fashion_textile": 2},
        "cluster": {str(cluster.id): 3},
    }
    assert (await store.directory.page(DirectoryFilter(), limit=1)).total == 3
    assert (await store.directory.page(DirectoryFilter(region="ES512"), limit=1)).total == 1
