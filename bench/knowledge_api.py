"""Knowledge rows: library search latency at 1x and 100x, against its own SQL through asyncpg.

For each data scale a fresh copy of the scaled template (bench/scale_knowledge.py: resources in
the seven languages) serves GET /resources?q=…&limit=20 (public: no token) with 28 queries in
rotation, four per language (bench/knowledge_sql.py): after their first answer the service
answers them from the answers it keeps while the library is unchanged (search_cache.py). A second
row sends 1,092 different searches in a cycle (the same queries, page sizes 1..39), more than a
process keeps, so every one is searched in SQL: what a search never asked before costs. The
service runs as `make up` runs it (services.sh serve knowledge), trusting the bench's signing key.
"""

import asyncio

import httpx

from bench import knowledge_sql, sql_driver, wrk
from bench import scale as scaling
from bench.common import (
    Measure,
    RunOptions,
    Server,
    cloned_database,
    free_port,
    rss_mb,
    service_command,
    service_env,
    start_server,
    stop_server,
)
from bench.exchange_api import public_key_pem
from bench.table import Row
from membership.adapters.tokens import generate_private_key_pem


def rows() -> dict[str, Row]:
    return {
        "search": Row(
            "knowledge",
            "GET /resources?q=&limit=20 (7 languages, ranked, snippets, facets; 28 queries asked again)",
            goal="p99<=50ms",
            baseline_name="same SQL via asyncpg (one statement: page, snippets, facets)",
            max_p99_ms=50,
        ),
        "new-search": Row(
            "knowledge",
            "GET /resources?q=&limit=1..39, 1,092 searches in a cycle (none answered from kept answers)",
            baseline_name="same SQL via asyncpg, limit 20",
        ),
        "rss": Row("memory", "knowledge RSS per worker at rest (max)", unit="MB", goal="<=150MB"),
    }


async def measure_scale(options: RunOptions, scale: int, table: dict[str, Row]) -> None:
    template = await scaling.ensure_template("knowledge", scale, verbose=False)
    async with cloned_database(template, f"knowledge_x{scale}") as url:
        table["search"].baselines[scale] = await asyncio.to_thread(
            sql_driver.run,
            url,
            "search",
            concurrency=options.connections,
            seconds=options.seconds,
            processes=options.workers,
        )
        port = free_port()
        env = service_env(
            "knowledge",
            url,
            options,
            KNOWLEDGE_AUTH_PUBLIC_KEY_PEM=public_key_pem(generate_private_key_pem()),
            KNOWLEDGE_AUTH_JWKS_URL="",
        )
        service: Server = await start_server("knowledge", service_command("knowledge", port), env, port)
        try:
            # Each query once before any load (also in --quick, which has no wrk warm-up): the
            # first search on a cold server plans the statement, the figure should not time that.
            async with httpx.AsyncClient(base_url=service.url, timeout=30) as client:
                for path in knowledge_sql.search_paths():
                    (await client.get(path)).raise_for_status()
            script = wrk.paths_script(knowledge_sql.search_paths())
            await asyncio.to_thread(wrk.warm_up, service.url + "/", options, script=script)
            table["search"].measures[scale] = await asyncio.to_thread(
                wrk.measure, service.url + "/", options, script=script
            )
            table["new-search"].baselines[scale] = table["search"].baselines[scale]
            new_searches = wrk.paths_script(knowledge_sql.new_search_paths())
            table["new-search"].measures[scale] = await asyncio.to_thread(
                wrk.measure, service.url + "/", options, script=new_searches
            )
            await asyncio.sleep(2)
            workers = service.pids()[1:] or service.pids()
            table["rss"].measures[scale] = Measure(max(rss_mb(p) for p in workers))
        finally:
            await stop_server(service)


async def run(options: RunOptions) -> list[Row]:
    wrk.require_wrk()
    table = rows()
    for scale in options.scales:
        await measure_scale(options, scale, table)
    return list(table.values())
