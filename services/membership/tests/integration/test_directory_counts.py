"""directory_counts, kept by a trigger, always equals the counts computed from the organisations."""

import random
from dataclasses import replace

import asyncpg

from cloth_shared.outbox.writer import OutboxWriter
from membership.adapters import queries
from membership.adapters.directory import PostgresDirectory
from membership.adapters.unit_of_work import PostgresMembershipUnitOfWork
from membership.bootstrap import MIGRATIONS
from membership.domain.organisations import Category, Status

from .repository_examples import a_cluster, an_organisation, committed


async def _scanned(pool: asyncpg.Pool) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for row in await pool.fetch(queries.COUNTS_BY_DIMENSION_SCANNED):
        counts.setdefault(row["dimension"], {})[row["key"]] = row["n"]
    return counts


async def test_the_kept_counts_match_a_full_count_after_any_changes(migrated_pool) -> None:  # type: ignore[no-untyped-def]
    pool: asyncpg.Pool = await migrated_pool(MIGRATIONS)
    uow = PostgresMembershipUnitOfWork(pool, OutboxWriter(producer="membership"))
    directory = PostgresDirectory(pool)
    clusters = [a_cluster(), a_cluster(country="BG")]
    for cluster in clusters:
        await committed(uow, lambda u, c=cluster: u.clusters.add(c))
    chance = random.Random(7)
    chains = ("fashion_textile", "circular_economy", "creative_industries", "digital_technology")
    organisations = [
        an_organisation(
            chance.choice(clusters),
            status=chance.choice(list(Status)),
            category=chance.choice(list(Category)),
            region=chance.choice([None, "ES511", "BG323"]),
            value_chains=tuple(chance.sample(chains, chance.randint(0, 3))),
        )
        for _ in range(40)
    ]
    for organisation in organisations:
        await committed(uow, lambda u, o=organisation: u.organisations.add(o))
    for _ in range(120):
        index = chance.randrange(len(organisations))
        current = organisations[index]
        if chance.random() < 0.5:
            changed = replace(current, status=chance.choice(list(Status)))
            await committed(uow, lambda u, o=changed: u.organisations.save_status(o))
        else:
            profile = replace(
                current.profile,
                region=chance.choice([None, "ES511", "ES512"]),
                value_chains=tuple(chance.sample(chains, chance.randint(0, 4))),
            )
            changed = replace(current, profile=profile)
            await committed(uow, lambda u, o=changed: u.organisations.save_profile(o))
        organisations[index] = changed

    kept = {dimension: keys for dimension, keys in (await directory.counts()).items() if keys}
    assert kept == await _scanned(pool)
    active = sum(o.status is Status.ACTIVE for o in organisations)
    assert await pool.fetchval(queries.DIRECTORY_TOTAL, "all", "active") == active


async def test_a_rolled_back_change_leaves_the_counts_alone_and_truncating_empties_them(
    migrated_pool,
) -> None:  # type: ignore[no-untyped-def]
    pool: asyncpg.Pool = await migrated_pool(MIGRATIONS)
    uow = PostgresMembershipUnitOfWork(pool, OutboxWriter(producer="membership"))
    cluster = a_cluster()
    await committed(uow, lambda u: u.clusters.add(cluster))
    async with uow:
        await uow.organisations.add(an_organisation(cluster, status=Status.ACTIVE))  # not committed
    assert await pool.fetchval(queries.DIRECTORY_TOTAL, "all", "active") == 0

    await committed(uow, lambda u: u.organisations.add(an_organisation(cluster, status=Status.ACTIVE)))
    assert await pool.fetchval(queries.DIRECTORY_TOTAL, "all", "active") == 1
    await pool.execute("TRUNCATE organisations CASCADE")
    assert await pool.fetchval("SELECT count(*) FROM directory_counts") == 0
