"""Exchange rows: approvals per second with the outbox, catalogue search and suggestion latency.

For each data scale a fresh copy of the scaled template (bench/scale_exchange.py) gets two
working sets of approvable exchanges (commitment agreed, signed by four), one for the baseline
and one for the service, in bench programmes of their own: a visitor visits once per programme,
so each set is spread over programmes of 25 distinct SME visitors with SME hosts abroad, and the
approvals land on distinct exchanges and distinct quota counters (the distinct-row command case).
Each approval is sent once with the token of the visitor's cluster manager; the run stops when
the set is used up or the time is over. The service runs as `make up` runs it (services.sh
serve exchange), trusting the bench's signing key (EXCHANGE_AUTH_PUBLIC_KEY_PEM), with its
sweeper off (it would start and flag the generated exchanges while we measure).
"""

import asyncio
import json
from datetime import timedelta
from uuid import UUID

import asyncpg
from cryptography.hazmat.primitives import serialization

from bench import exchange_sql, sql_driver, wrk
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
from bench.membership_api import _forget_baseline_outbox, _outbox_drained
from bench.table import Row
from cloth_shared.auth.principal import Principal, Role
from membership.adapters.tokens import TokenIssuer, generate_private_key_pem, load_private_key

PER_PROGRAMME = 25
# Per side: 4,000 approvable exchanges (quick: 8 -> 200). At 540 approvals/s, 3,000 ran out within
# the 5 s (300 go to the warm-up), and wrk then sent the last one again: 409s counted as errors.
APPROVAL_PROGRAMMES = 160
WARM_UP_APPROVALS = 300
SUGGESTION_VISITORS = 200


def rows() -> dict[str, Row]:
    return {
        "approve": Row(
            "exchange",
            "POST /exchanges/{id}/approval (slot + figures + outbox), distinct rows",
            goal=">=0.7x, p99<=50ms",
            baseline_name="asyncpg: lock+slot+update+history+figures+outbox, 1 tx",
            min_ratio=0.7,
            max_p99_ms=50,
        ),
        "catalogue": Row(
            "exchange",
            "GET /hosting-offers?country=&activity_kind=&limit=20",
            goal="p99<=50ms",
            baseline_name="same SQL via asyncpg",
            max_p99_ms=50,
        ),
        "suggestions": Row(
            "exchange",
            "GET /organisations/{id}/suggested-hosts (member token)",
            goal="p99<=50ms",
            baseline_name="same SQL via asyncpg + domain scoring",
            max_p99_ms=50,
        ),
        "rss": Row("memory", "exchange RSS per worker at rest (max)", unit="MB", goal="<=150MB"),
    }


def public_key_pem(private_key_pem: str) -> str:
    return (
        load_private_key(private_key_pem)
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


async def _approvable(url: str, label: str, programmes: int) -> list[tuple[UUID, UUID]]:
    """Add `programmes` bench programmes of 25 commitment-agreed exchanges; (exchange, visitor cluster)."""
    from bench import scale_exchange as gen  # registered generators: imported on use
    from exchange.domain.vocabulary import Category, State

    connection = await asyncpg.connect(url)
    try:
        await connection.execute(
            f"""
            WITH made AS (
                INSERT INTO programmes (id, name, application_first, application_last, activity_first,
                                        activity_last, lump_sum_caps, created_at)
                SELECT md5('cloth-bench-{label}-' || n)::uuid, 'Bench {label} call ' || n, $2, $3, $4, $5,
                       $6::jsonb, now()
                FROM generate_series(1, $1::int) AS n
                RETURNING id
            )
            INSERT INTO programme_quotas (programme_id, category, side, slots, position)
            SELECT made.id, q.category, q.side, q.slots, q.position FROM made
            CROSS JOIN (VALUES ('sme', 'visitor', 75, 0), ('cluster_organisation', 'visitor', 10, 1),
                               ('support_organisation', 'visitor', 5, 2), ('large_company', 'host', 5, 3),
                               ('public_body', 'host', 5, 4)) AS q (category, side, slots, position)
            """,
            programmes,
            *gen.APPLICATION,
            *gen.ACTIVITY,
            json.dumps(gen.LUMP_SUM_CAPS),
        )
        found = await gen.programmes_by_number(connection, f"Bench {label} call %")
        parties = await gen.parties(connection)
        smes = [p for p in parties if p[1].is_active and p[1].category is Category.SME]
        made = []
        for number, programme in sorted(found.items()):
            for i in range(PER_PROGRAMME):
                visitor = smes[(number * 11 + i) % len(smes)]
                k = (number * 7 + i * 3) % len(smes)
                while smes[k][1].country == visitor[1].country:
                    k = (k + 1) % len(smes)
                host = smes[k]
                n = 10_000_000 + number * 100 + i + (0 if label == "baseline" else 5_000_000)
                requested = gen.request_exchange(n, programme, visitor, host, None)
                made.append(
                    gen.take_through(
                        requested,
                        State.COMMITMENT_AGREED,
                        programme,
                        requested.requested_by,
                        gen.person_id("person", host[0]),
                    )
                )
        await gen.copy_exchanges(connection, made)
        await connection.execute("ANALYZE exchanges; ANALYZE exchange_history; ANALYZE programme_quotas")
    finally:
        await connection.close()
    return [(e.id, e.visitor.cluster_id) for e in made]


async def _visitors(url: str) -> list[tuple[UUID, UUID]]:
    """(organisation, its member) of up to 200 active organisations that may visit, spread out."""
    connection = await asyncpg.connect(url)
    try:
        found = await connection.fetch(
            """
            SELECT o.organisation_id, p.person_id FROM organisations o
            JOIN people p ON p.organisation_id = o.organisation_id
            WHERE o.is_active AND o.category IN ('sme', 'cluster_organisation', 'support_organisation')
            ORDER BY md5(o.organisation_id::text) LIMIT $1
            """,
            SUGGESTION_VISITORS,
        )
    finally:
        await connection.close()
    return [(r["organisation_id"], r["person_id"]) for r in found]


async def measure_scale(options: RunOptions, scale: int, table: dict[str, Row]) -> None:
    from bench.scale_exchange import CLUSTER_IDS, MANAGERS

    template = await scaling.ensure_template("exchange", scale, verbose=False)
    async with cloned_database(template, f"exchange_x{scale}") as url:
        programmes = 8 if options.quick else APPROVAL_PROGRAMMES
        for_baseline = await _approvable(url, "baseline", programmes)
        for_service = await _approvable(url, "service", programmes)
        visitors = await _visitors(url)
        pem = generate_private_key_pem()
        issuer = TokenIssuer(pem, lifetime=timedelta(hours=2))
        managers = {
            cluster: issuer.issue(
                Principal(MANAGERS[k], frozenset({Role.CLUSTER_MANAGER}), cluster_id=cluster)
            )
            for k, cluster in enumerate(CLUSTER_IDS)
        }
        member = frozenset({Role.ORGANISATION_MEMBER})
        suggestion_paths = [exchange_sql.suggestions_path(o) for o, _ in visitors]
        suggestion_tokens = [issuer.issue(Principal(p, member, organisation_id=o)) for o, p in visitors]
        suggestion_script = wrk.rotating_script("GET", suggestion_paths, suggestion_tokens)
        catalogue_script = wrk.paths_script(
            [exchange_sql.catalogue_path(n) for n in range(len(exchange_sql.CATALOGUE_FILTERS))]
        )
        warm = [] if options.quick else for_service[:WARM_UP_APPROVALS]
        measured = for_service[len(warm) :]

        def approvals(pairs: list[tuple[UUID, UUID]]) -> str:
            return wrk.rotating_script(
                "POST",
                [f"/exchanges/{e}/approval" for e, _ in pairs],
                [managers[cluster] for _, cluster in pairs],
                once=True,
            )

        def sql(kind: str, ids: list[UUID] | None = None) -> Measure:
            return sql_driver.run(
                url,
                kind,
                concurrency=options.connections,
                seconds=options.seconds,
                processes=options.workers,
                ids=ids,
            )

        # Baselines first, while the service (and its outbox relay) is not running.
        table["catalogue"].baselines[scale] = await asyncio.to_thread(sql, "catalogue")
        table["suggestions"].baselines[scale] = await asyncio.to_thread(
            sql, "suggestions", [o for o, _ in visitors]
        )
        table["approve"].baselines[scale] = await asyncio.to_thread(
            sql, "approve", [e for e, _ in for_baseline]
        )
        await _forget_baseline_outbox(url)

        port = free_port()
        env = service_env(
            "exchange",
            url,
            options,
            EXCHANGE_AUTH_PUBLIC_KEY_PEM=public_key_pem(pem),
            EXCHANGE_AUTH_JWKS_URL="",
            EXCHANGE_RUN_SWEEPER="false",
        )
        service: Server = await start_server("exchange", service_command("exchange", port), env, port)
        try:
            await _outbox_drained(url)
            base = service.url
            await asyncio.to_thread(wrk.warm_up, base + "/", options, script=catalogue_script)
            table["catalogue"].measures[scale] = await asyncio.to_thread(
                wrk.measure, base + "/", options, script=catalogue_script
            )
            # Approvals before suggestions: a suggestion at 100x keeps a worker busy for seconds,
            # and requests wrk gave up on would still be running during the next figure.
            if warm:
                await asyncio.to_thread(wrk.warm_up, base + "/", options, script=approvals(warm))
            table["approve"].measures[scale] = await asyncio.to_thread(
                wrk.measure, base + "/", options, script=approvals(measured)
            )
            await asyncio.to_thread(wrk.warm_up, base + "/", options, script=suggestion_script)
            table["suggestions"].measures[scale] = await asyncio.to_thread(
                wrk.measure, base + "/", options, script=suggestion_script
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
