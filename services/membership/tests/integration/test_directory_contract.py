"""The directory's read side: the fake and PostgreSQL filter, sort, page and count alike."""

from typing import Any

from membership.domain.organisations import Category, Status
from membership.service_layer.repositories import DirectoryFilter

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


async def test_active_organisations_are_paged_by_name_with_the_total(store: Store) -> None:
    seeded = await _seed(store)

    found, total = await store.directory.page(DirectoryFilter(), limit=2, offset=0)
    rest, total_again = await store.directory.page(DirectoryFilter(), limit=2, offset=2)
    past_the_end, still_counted = await store.directory.page(DirectoryFilter(), limit=2, offset=10)

    assert ids(found + rest) == [seeded[k].id for k in ("agencia", "bruna", "cotton")]
    assert (total, total_again, past_the_end, still_counted) == (3, 3, [], 3)


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
