"""Every service's migrations apply to an empty database, roll back to nothing, and apply again."""

import asyncio
import importlib

import asyncpg
import pytest

from cloth_shared.migrations import downgrade_to_base, upgrade_to_head

pytestmark = pytest.mark.integration

SERVICES = ["membership", "exchange", "knowledge", "notifications"]


async def tables(database_url: str) -> set[str]:
    connection = await asyncpg.connect(database_url)
    try:
        rows = await connection.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    finally:
        await connection.close()
    return {row["tablename"] for row in rows} - {"alembic_version"}


@pytest.mark.parametrize("name", SERVICES)
async def test_migrations_go_up_down_and_up_again(name: str, database_url: str) -> None:
    migrations = importlib.import_module(f"{name}.bootstrap").DEFINITION.migrations_dir
    await asyncio.to_thread(upgrade_to_head, migrations, database_url)
    created = await tables(database_url)
    assert {"outbox", "processed_events"} <= created

    await asyncio.to_thread(downgrade_to_base, migrations, database_url)
    assert await tables(database_url) == set()

    await asyncio.to_thread(upgrade_to_head, migrations, database_url)
    assert await tables(database_url) == created
