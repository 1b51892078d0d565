"""The organisation directory answers what its transaction saved without reading it back."""

from typing import Any
from uuid import uuid4

import asyncpg
import pytest

from notifications.adapters.directory import PostgresOrganisationDirectory
from notifications.bootstrap import MIGRATIONS
from notifications.domain.recipients import MemberOrganisation

pytestmark = pytest.mark.integration


class CountingReads:
    """The transaction's connection, counting the statements that read."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection
        self.reads = 0

    async def executemany(self, query: str, args: Any) -> None:
        await self._connection.executemany(query, args)

    async def fetch(self, query: str, *args: Any) -> list[asyncpg.Record]:
        self.reads += 1
        return await self._connection.fetch(query, *args)


async def test_known_answers_the_organisations_this_transaction_saved_and_reads_only_the_others(
    migrated_pool,
) -> None:
    pool = await migrated_pool(MIGRATIONS)
    earlier = MemberOrganisation(uuid4(), uuid4(), "Earlier SL")
    async with pool.acquire() as connection, connection.transaction():
        await PostgresOrganisationDirectory(connection).save(earlier)

    renamed = MemberOrganisation(earlier.organisation_id, earlier.cluster_id, "Earlier Renamed SL")
    joined = MemberOrganisation(uuid4(), uuid4(), "Teixits SL")
    async with pool.acquire() as connection, connection.transaction():
        counting = CountingReads(connection)
        directory = PostgresOrganisationDirectory(counting)  # type: ignore[arg-type]
        await directory.save_all([joined])
        assert await directory.known([joined.organisation_id]) == [joined]
        assert counting.reads == 0
        found = await directory.known([joined.organisation_id, earlier.organisation_id, uuid4()])
        assert counting.reads == 1
        assert sorted(found, key=lambda o: o.legal_name) == [earlier, joined]
        await directory.save(renamed)
        assert await directory.known([earlier.organisation_id]) == [renamed]

    async with pool.acquire() as connection:
        stored = await PostgresOrganisationDirectory(connection).known([earlier.organisation_id])
    assert stored == [renamed]
