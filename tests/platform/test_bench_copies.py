"""The bench drops the database copies an interrupted run of this machine left behind, and
only those: a running bench's copies and other names stay.

`bench` is run as the developer runs it (`python -m …` from the repository), so this test calls
it in a child process from there."""

import json
import os
import subprocess
import sys
from pathlib import Path

import asyncpg
import pytest

from cloth_shared.testing.infrastructure import TestInfrastructure

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]


def bench(code: str, admin_url: str) -> str:
    environment = {**os.environ, "TEST_DATABASE_ADMIN_URL": admin_url}
    done = subprocess.run(
        [sys.executable, "-c", f"import asyncio, json\nfrom bench import common\n{code}"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def a_finished_process_id() -> int:
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    return int(finished.stdout)


async def database_names(admin_url: str) -> set[str]:
    admin = await asyncpg.connect(admin_url)
    try:
        return {row["datname"] for row in await admin.fetch("SELECT datname FROM pg_database")}
    finally:
        await admin.close()


async def test_copies_of_a_bench_process_that_is_gone_are_dropped_and_no_others(
    infra: TestInfrastructure,
) -> None:
    url = infra.database_admin_url
    gone, running = a_finished_process_id(), os.getpid()
    abandoned, kept = json.loads(
        bench(
            f"print(json.dumps([common.copy_name('membership_x1', pid={gone}), "
            f"common.copy_name('membership_x1', pid={running})]))",
            url,
        )
    )
    unrelated = "bench_run_membership_x1_0a1b2c3d"  # no machine or process in its name
    admin = await asyncpg.connect(url)
    try:
        for name in (abandoned, kept, unrelated):
            await admin.execute(f'CREATE DATABASE "{name}"')

        dropped = json.loads(bench("print(json.dumps(asyncio.run(common.drop_abandoned_copies())))", url))

        assert abandoned in dropped
        assert kept not in dropped and unrelated not in dropped
        remaining = await database_names(url)
        assert abandoned not in remaining
        assert {kept, unrelated} <= remaining
    finally:
        for name in (abandoned, kept, unrelated):
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()
