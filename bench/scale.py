"""Databases at 1x and 100x the alliance's real size, generated in SQL (not through the API).

    python -m bench.scale [--scales 1,100]      build or top up the template databases

Each service has a template database per scale, `cloth_bench_<service>_x<scale>`, migrated to
head and filled by that service's generators. A benchmark clones a template
(`CREATE DATABASE ... TEMPLATE`, a file copy) so every run starts from the same data and no run
sees another's writes. Generators are idempotent: rows have deterministic ids and a generator only
inserts the ones missing, so a second call is a no-op and a grown target only adds the difference.

Later issues register their own generators (exchange: 10,000 exchanges at 100x; knowledge:
100,000 resources) with `@generator(...)` below, and their service in MIGRATIONS.
"""

import argparse
import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import asyncpg

from bench.common import admin_url, database_exists
from cloth_shared.migrations import upgrade_to_head
from cloth_shared.testing.databases import database_url_for

SERVICES_DIR = Path(__file__).resolve().parents[1] / "services"
MIGRATIONS = {
    "membership": SERVICES_DIR / "membership" / "migrations",
    "notifications": SERVICES_DIR / "notifications" / "migrations",
    "exchange": SERVICES_DIR / "exchange" / "migrations",
    "knowledge": SERVICES_DIR / "knowledge" / "migrations",
}
CHUNK = 250_000

Fill = Callable[[asyncpg.Connection, int, int], Awaitable[None]]


@dataclass(frozen=True)
class Generator:
    service: str
    name: str
    real_size: int  # rows at 1x: the alliance's real size
    count: Callable[[asyncpg.Connection], Awaitable[int]]
    fill: Fill  # inserts rows first..last (1-based, inclusive)


GENERATORS: list[Generator] = []


def generator(service: str, name: str, *, real_size: int, count_sql: str) -> Callable[[Fill], Fill]:
    """Register a generator; `count_sql` counts the rows it made (its deterministic ids)."""

    def register(fill: Fill) -> Fill:
        async def count(connection: asyncpg.Connection) -> int:
            return int(await connection.fetchval(count_sql))

        GENERATORS.append(Generator(service, name, real_size, count, fill))
        return fill

    return register


def template_name(service: str, scale: int) -> str:
    return f"cloth_bench_{service}_x{scale}"


# --- membership ---------------------------------------------------------------------------------

ORGANISATIONS_REAL_SIZE = 50


def organisation_id_sql(n: str) -> str:
    """The deterministic id of generated organisation number n (SQL expression)."""
    return f"md5('cloth-scale-organisation-' || {n})::uuid"


def person_id_sql(n: str) -> str:
    """The deterministic id of the member of generated organisation number n (SQL expression)."""
    return f"md5('cloth-scale-person-' || {n})::uuid"


@generator(
    "membership",
    "organisations",
    real_size=ORGANISATIONS_REAL_SIZE,
    count_sql="SELECT count(*) FROM organisations WHERE registration_number LIKE 'SCALE-%'",
)
async def _organisations(connection: asyncpg.Connection, first: int, last: int) -> None:
    # Nine in ten active, the rest pending; spread over the five clusters, four value chains.
    await connection.execute(
        f"""
        INSERT INTO organisations (
            id, legal_name, category, cluster_id, country, region, city, latitude, longitude,
            registration_number, status, applied_at, decided_at, version, value_chains, size_band,
            activities, certifications, languages, website, description)
        SELECT {organisation_id_sql("n")},
               initcap(substr(md5('name' || n), 1, 10)) || ' '
                   || (ARRAY['SL', 'SA', 'Ltd', 'OOD', 'SRL'])[1 + n % 5],
               (ARRAY['sme', 'sme', 'sme', 'sme', 'support_organisation', 'large_company',
                      'public_body'])[1 + n % 7],
               c.id, c.country, c.home_region, c.city,
               c.latitude + (n % 97) / 1000.0, c.longitude + (n % 89) / 1000.0,
               'SCALE-' || n,
               CASE WHEN n % 10 = 0 THEN 'pending' ELSE 'active' END,
               now() - make_interval(days => n % 700),
               CASE WHEN n % 10 = 0 THEN NULL ELSE now() - make_interval(days => n % 300) END,
               1,
               ARRAY[(ARRAY['fashion_textile', 'circular_economy', 'creative_industries',
                            'digital_technology'])[1 + n % 4]],
               (ARRAY['micro','small','medium','large'])[1 + n % 4],
               ARRAY['weaving', 'dyeing', 'pattern making'],
               ARRAY['GOTS'],
               ARRAY['en'],
               'https://example.org/' || n,
               'Generated organisation for the 100x benchmark: textile and fashion SME.'
        FROM generate_series($1::int, $2::int) AS n
        JOIN (SELECT id, country, home_region, city, latitude, longitude,
                     row_number() OVER (ORDER BY id) - 1 AS k FROM clusters) AS c
          ON c.k = n % (SELECT count(*) FROM clusters)
        ON CONFLICT DO NOTHING
        """,
        first,
        last,
    )


@generator(
    "membership",
    "people",
    real_size=ORGANISATIONS_REAL_SIZE,
    count_sql="SELECT count(*) FROM people WHERE email LIKE 'scale-%@bench.example'",
)
async def _people(connection: asyncpg.Connection, first: int, last: int) -> None:
    # One member per generated organisation: membership checks a token's person on each request.
    await connection.execute(
        f"""
        INSERT INTO people (id, email, display_name, language, password_hash, role, organisation_id,
                            status, created_at)
        SELECT {person_id_sql("n")}, 'scale-' || n || '@bench.example', 'Scale member ' || n, 'en',
               NULL, 'organisation_member', {organisation_id_sql("n")}, 'active', now()
        FROM generate_series($1::int, $2::int) AS n
        ON CONFLICT DO NOTHING
        """,
        first,
        last,
    )


# --- notifications ------------------------------------------------------------------------------

NOTIFICATIONS_REAL_SIZE = 10_000


@generator(
    "notifications",
    "notifications",
    real_size=NOTIFICATIONS_REAL_SIZE,
    count_sql="SELECT count(*) FROM notifications WHERE kind = 'scale.generated'",
)
async def _notifications(connection: asyncpg.Connection, first: int, last: int) -> None:
    # Each notification came from an event, so the inbox holds one processed event per row.
    await connection.execute(
        f"""
        WITH rows AS (
            SELECT n, md5('cloth-scale-event-' || n)::uuid AS event_id
            FROM generate_series($1::int, $2::int) AS n
        ), inbox AS (
            INSERT INTO processed_events (consumer, event_id, event_type, processed_at)
            SELECT 'notifications.membership', event_id, 'SMEJoined', now() - make_interval(secs => n)
            FROM rows ON CONFLICT DO NOTHING
        )
        INSERT INTO notifications (id, organisation_id, kind, title, body, source_event_id,
                                   created_at, read_at)
        SELECT md5('cloth-scale-notification-' || n)::uuid,
               {organisation_id_sql(f"1 + n % {ORGANISATIONS_REAL_SIZE * 100}")},
               'scale.generated', 'Welcome to the CLOTH alliance',
               'Generated notification for the 100x benchmark.', event_id,
               now() - make_interval(secs => n),
               CASE WHEN n % 3 = 0 THEN now() END
        FROM rows ON CONFLICT DO NOTHING
        """,
        first,
        last,
    )


# --- exchange (bench/scale_exchange.py registers its generators here) ----------------------------


def _register_exchange() -> None:
    import bench.scale_exchange  # noqa: F401 - registers with @generator on import


def _register_knowledge() -> None:
    import bench.scale_knowledge  # noqa: F401 - registers with @generator on import


# --- building the templates ---------------------------------------------------------------------


async def ensure_template(service: str, scale: int, *, verbose: bool = True) -> str:
    """Create, migrate and fill the service's template at this scale (idempotent); its name."""
    if service == "exchange":
        _register_exchange()
    if service == "knowledge":
        _register_knowledge()
    name = template_name(service, scale)
    if not await database_exists(name):
        admin = await asyncpg.connect(admin_url())
        try:
            await admin.execute(f'CREATE DATABASE "{name}"')
        finally:
            await admin.close()
    url = database_url_for(admin_url(), name)
    await asyncio.to_thread(upgrade_to_head, MIGRATIONS[service], url)
    connection = await asyncpg.connect(url)
    try:
        for gen in (g for g in GENERATORS if g.service == service):
            target = gen.real_size * scale
            have = await gen.count(connection)
            if have >= target:
                continue
            started = time.perf_counter()
            for first in range(have + 1, target + 1, CHUNK):
                await gen.fill(connection, first, min(target, first + CHUNK - 1))
            await connection.execute("VACUUM ANALYZE")
            if verbose:
                print(
                    f"  scale: {name}: {gen.name} {have:,} -> {target:,} rows "
                    f"in {time.perf_counter() - started:.1f} s"
                )
    finally:
        await connection.close()
    return name


async def ensure_all(services: list[str], scales: tuple[int, ...]) -> None:
    for service in services:
        for scale in scales:
            await ensure_template(service, scale)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.scale")
    parser.add_argument("--scales", default="1,100")
    parser.add_argument("--services", default=",".join(MIGRATIONS))
    args = parser.parse_args()
    scales = tuple(int(s) for s in args.scales.split(","))
    asyncio.run(ensure_all(args.services.split(","), scales))


if __name__ == "__main__":
    # Run as bench.scale, not __main__: generators registered from other modules (exchange) must
    # land in the registry this module's functions read.
    from bench import scale

    scale.main()
