"""Exchange's data at 1x and 100x: organisations (read model), people, programmes, hosting offers
and exchanges in every state, with the quota counters and figures agreeing with the exchanges.

1x is the alliance's real size: 50 organisations (the ids membership's generator gives them),
4 programme calls, 50 hosting offers, 100 exchanges; 100x: 5,000 organisations, 400 calls,
5,000 offers, 10,000 exchanges. A call holds 25 exchanges: a visitor visits once per programme
(`exchanges_one_visit`), so 100 exchanges among 40 organisations that may visit need several
calls. Organisations, people, programmes and offers are written in SQL (generate_series);
exchanges are taken through the domain's own steps (request, accept, commitment, four
signatures, approval, start, report, validation, payment) so every column, JSON value and
history entry is one the service itself writes, then COPYed in. The counters
(`programme_quotas.taken/completed`, `figures_by_cluster`, `figures_by_flow`) are recounted from
the exchanges after each fill, so they agree however often the generator runs.
"""

import hashlib
import json
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from uuid import UUID

import asyncpg

from bench.scale import generator, organisation_id_sql
from exchange.adapters.exchange_queries import EXCHANGE_COLUMNS
from exchange.adapters.exchange_repository import exchange_columns
from exchange.adapters.programme_repository import programme_from
from exchange.adapters.queries import SELECT_PROGRAMMES
from exchange.adapters.repositories import party_from
from exchange.adapters.sql import arguments
from exchange.domain import closing, commitment, exchanges, figures
from exchange.domain.eligibility import Candidate, NotEligible
from exchange.domain.exchanges import Exchange
from exchange.domain.parties import Party
from exchange.domain.programme import Programme, slot_category
from exchange.domain.records import ClosingReport, Commitment, DayPlan, Signatory
from exchange.domain.vocabulary import MAY_VISIT, ActivityKind, State

ORGANISATIONS_REAL_SIZE = 50
PROGRAMMES_REAL_SIZE = 4
OFFERS_REAL_SIZE = 50
EXCHANGES_REAL_SIZE = 100
PER_PROGRAMME = 25  # exchanges per programme call

# The five clusters (the ids and home towns membership's migration seeds).
CLUSTERS_SQL = """
(VALUES (0, '0b1c0000-0000-4000-8000-000000000001'::uuid, 'ES', 'Catalonia', 41.5789, 1.6172, 'es'),
        (1, '0b1c0000-0000-4000-8000-000000000002'::uuid, 'BG', 'Ruse', 43.8356, 25.9657, 'bg'),
        (2, '0b1c0000-0000-4000-8000-000000000003'::uuid, 'FR', 'Provence', 43.2965, 5.3698, 'fr'),
        (3, '0b1c0000-0000-4000-8000-000000000004'::uuid, 'RO', 'North-East', 47.1585, 27.6014, 'ro'),
        (4, '0b1c0000-0000-4000-8000-000000000005'::uuid, 'DK', 'Central Denmark', 56.1393, 8.9738, 'da'))
    AS c (k, id, country, region, latitude, longitude, language)
"""
LUMP_SUM_CAPS = {"ES": "900.00", "BG": "700.00", "FR": "1000.00", "RO": "750.00", "DK": "1100.00"}
VALUE_CHAINS = "(ARRAY['fashion_textile', 'circular_economy', 'creative_industries', 'digital_technology'])"
KINDS = (
    "(ARRAY['capacity_building', 'knowledge_sharing', 'research_and_development', 'market_research',"
    " 'networking'])"
)
APPLICATION = (date(2026, 9, 1), date(2027, 12, 31))
ACTIVITY = (date(2027, 1, 1), date(2027, 12, 31))
FIRST_MONDAY = date(2027, 1, 4)


def programme_id_sql(n: str) -> str:
    return f"md5('cloth-scale-programme-' || {n})::uuid"


def person_id(kind: str, n: int | str) -> UUID:
    """The deterministic id the SQL generators give as md5('cloth-scale-<kind>-' || n)::uuid."""
    return UUID(hashlib.md5(f"cloth-scale-{kind}-{n}".encode()).hexdigest())


def exchange_id(n: int) -> UUID:
    return person_id("exchange", n)


def category_sql(m: str) -> str:
    """The category of organisation index m (0-based): 6 in 10 SMEs, then one of each other."""
    return (
        "(ARRAY['sme', 'sme', 'sme', 'sme', 'sme', 'sme', 'cluster_organisation', "
        f"'support_organisation', 'large_company', 'public_body'])[1 + {m} % 10]"
    )


@generator(
    "exchange",
    "organisations",
    real_size=ORGANISATIONS_REAL_SIZE,
    count_sql="SELECT count(*) FROM organisations WHERE legal_name LIKE 'Scale %'",
)
async def _organisations(connection: asyncpg.Connection, first: int, last: int) -> None:
    # Organisation n is membership's generated organisation n (same id); one in 20 has left.
    await connection.execute(
        f"""
        INSERT INTO organisations (organisation_id, legal_name, category, country, region, cluster_id,
                                   is_active, latitude, longitude, value_chains, languages, as_of)
        SELECT {organisation_id_sql("n")}, 'Scale ' || initcap(substr(md5('name' || n), 1, 8)),
               {category_sql("(n - 1)")}, c.country, c.region, c.id, n % 20 <> 0,
               c.latitude + (n % 97) / 100.0, c.longitude + (n % 89) / 100.0,
               CASE WHEN n % 3 = 0 THEN ARRAY[{VALUE_CHAINS}[1 + n % 4], {VALUE_CHAINS}[1 + (n + 1) % 4]]
                    ELSE ARRAY[{VALUE_CHAINS}[1 + n % 4]] END,
               CASE WHEN n % 4 = 0 THEN ARRAY[c.language] ELSE ARRAY['en', c.language] END,
               timestamptz '2026-06-01 00:00+00' + make_interval(mins => n)
        FROM generate_series($1::int, $2::int) AS n
        JOIN {CLUSTERS_SQL} ON c.k = ((n - 1) + (n - 1) / 10) % 5
        ON CONFLICT DO NOTHING
        """,
        first,
        last,
    )


@generator(
    "exchange",
    "people",
    real_size=ORGANISATIONS_REAL_SIZE,
    count_sql="SELECT count(*) FROM people WHERE email LIKE 'scale-%@bench.example'",
)
async def _people(connection: asyncpg.Connection, first: int, last: int) -> None:
    # One member per organisation (membership's generated member: same id), as exchange hears of it.
    await connection.execute(
        f"""
        INSERT INTO people (person_id, display_name, email, language, role, organisation_id,
                            cluster_id, updated_at)
        SELECT md5('cloth-scale-person-' || n)::uuid, 'Scale member ' || n,
               'scale-' || n || '@bench.example', 'en', 'organisation_member', o.organisation_id,
               o.cluster_id, o.as_of
        FROM generate_series($1::int, $2::int) AS n
        JOIN organisations o ON o.organisation_id = {organisation_id_sql("n")}
        ON CONFLICT DO NOTHING
        """,
        first,
        last,
    )


@generator(
    "exchange",
    "programmes",
    real_size=PROGRAMMES_REAL_SIZE,
    count_sql="SELECT count(*) FROM programmes WHERE name LIKE 'Scale ClusterXchange call %'",
)
async def _programmes(connection: asyncpg.Connection, first: int, last: int) -> None:
    # The Fashion ClusterXchange's default quotas (75/10/5 visitor side, 5/5 host side) per call.
    await connection.execute(
        f"""
        WITH made AS (
            INSERT INTO programmes (id, name, application_first, application_last, activity_first,
                                    activity_last, lump_sum_caps, created_at)
            SELECT {programme_id_sql("n")}, 'Scale ClusterXchange call ' || n, $3, $4, $5, $6, $7::jsonb,
                   timestamptz '2026-08-01 00:00+00' + make_interval(mins => n)
            FROM generate_series($1::int, $2::int) AS n
            ON CONFLICT DO NOTHING
            RETURNING id
        )
        INSERT INTO programme_quotas (programme_id, category, side, slots, position)
        SELECT made.id, q.category, q.side, q.slots, q.position FROM made
        CROSS JOIN (VALUES ('sme', 'visitor', 75, 0), ('cluster_organisation', 'visitor', 10, 1),
                           ('support_organisation', 'visitor', 5, 2), ('large_company', 'host', 5, 3),
                           ('public_body', 'host', 5, 4)) AS q (category, side, slots, position)
        ON CONFLICT DO NOTHING
        """,
        first,
        last,
        *APPLICATION,
        *ACTIVITY,
        json.dumps(LUMP_SUM_CAPS),
    )


@generator(
    "exchange",
    "hosting offers",
    real_size=OFFERS_REAL_SIZE,
    count_sql="SELECT count(*) FROM hosting_offers WHERE title LIKE 'Scale offer %'",
)
async def _offers(connection: asyncpg.Connection, first: int, last: int) -> None:
    # Offer j is hosted by organisation 1 + 7(j-1) mod N (every organisation hosts, any category);
    # one to three kinds of activity, two periods in 2027, one to three visitors at once.
    await connection.execute(
        f"""
        WITH hosts AS (SELECT count(*)::int AS n FROM organisations WHERE legal_name LIKE 'Scale %')
        INSERT INTO hosting_offers (id, host_organisation_id, title, topics, activity_kinds, languages,
                                    periods, capacity, published_at, published_by)
        SELECT md5('cloth-scale-offer-' || j)::uuid, o.organisation_id, 'Scale offer ' || j,
               ARRAY['natural dyeing', 'pattern making', 'circular design'],
               (SELECT array_agg(DISTINCT {KINDS}[1 + (j * s) % 5]) FROM generate_series(1, 1 + j % 3) AS s),
               o.languages,
               datemultirange(
                   daterange(date '2027-01-04' + (j % 20) * 7, date '2027-01-04' + (j % 20) * 7 + 60),
                   daterange(date '2027-06-01' + (j % 10) * 7, date '2027-06-01' + (j % 10) * 7 + 90)),
               1 + j % 3,
               timestamptz '2026-09-01 00:00+00' + make_interval(mins => j),
               md5('cloth-scale-person-' || h.m)::uuid
        FROM generate_series($1::int, $2::int) AS j
        CROSS JOIN hosts
        CROSS JOIN LATERAL (SELECT 1 + (7 * (j - 1)) % hosts.n AS m) AS h
        JOIN organisations o ON o.organisation_id = {organisation_id_sql("h.m")}
        ON CONFLICT DO NOTHING
        """,
        first,
        last,
    )


# --- exchanges through the domain's own steps ---------------------------------------------------

# The state of the i-th exchange of a call (25): 17 hold a slot, the rest are earlier or closed.
PATTERN: tuple[State, ...] = (
    State.REQUESTED,
    State.REQUESTED,
    State.DECLINED,
    State.CANCELLED,
    State.ACCEPTED,
    State.ACCEPTED,
    State.COMMITMENT_AGREED,
    State.COMMITMENT_AGREED,
    State.APPROVED,
    State.APPROVED,
    State.APPROVED,
    State.IN_PROGRESS,
    State.IN_PROGRESS,
    State.IN_PROGRESS,
    State.REPORT_SUBMITTED,
    State.REPORT_SENT_BACK,
    *(State.COMPLETED,) * 4,
    *(State.LUMP_SUM_PAID,) * 5,
)
assert len(PATTERN) == PER_PROGRAMME
MANAGERS = {k: person_id("manager", k) for k in range(5)}


def at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


def a_commitment(first_day: date, last_day: date) -> Commitment:
    return Commitment(
        goals=("learn natural dyeing at industrial scale",),
        agenda=tuple(
            DayPlan(first_day + timedelta(days=d), "workshop and plant visit")
            for d in range((last_day - first_day).days + 1)
        ),
        expected_results=("a joint project idea", "two new suppliers"),
        first_day=first_day,
        last_day=last_day,
    )


def take_through(
    requested: Exchange, target: State, programme: Programme, visitor_person: UUID, host_person: UUID
) -> Exchange:
    """The exchange moved by the domain's steps from `requested` to `target`, as people would."""
    e, first, last = requested, requested.first_day, requested.last_day
    asked = requested.requested_at
    if target is State.REQUESTED:
        return e
    if target is State.DECLINED:
        return exchanges.decline(
            e, reason="fully booked then", at=asked + timedelta(days=2), by=host_person
        ).exchange
    if target is State.CANCELLED:
        return exchanges.cancel(
            e, reason="plans changed", at=asked + timedelta(days=1), by=visitor_person
        ).exchange
    e = exchanges.accept(e, at=asked + timedelta(days=2), by=host_person).exchange
    e = commitment.amend_commitment(
        e, a_commitment(first, last), programme=programme, at=asked + timedelta(days=3), by=visitor_person
    ).exchange
    if target is State.ACCEPTED:  # written, signed by the visitor so far
        return commitment.sign(e, Signatory.VISITOR, at=asked + timedelta(days=4), by=visitor_person).exchange
    signers = {
        Signatory.VISITOR: visitor_person,
        Signatory.HOST: host_person,
        Signatory.VISITOR_CLUSTER: MANAGERS[_cluster_index(e.visitor.cluster_id)],
        Signatory.HOST_CLUSTER: MANAGERS[_cluster_index(e.host.cluster_id)],
    }
    for day, (signatory, by) in enumerate(signers.items(), start=4):
        e = commitment.sign(e, signatory, at=asked + timedelta(days=day), by=by).exchange
    if target is State.COMMITMENT_AGREED:
        return e
    manager = signers[Signatory.VISITOR_CLUSTER]
    e = exchanges.approve(
        e, programme=programme, slots_taken=0, at=asked + timedelta(days=9), by=manager
    ).exchange
    if target is State.APPROVED:
        return e
    e = exchanges.start(e, at=at(first, 8)).exchange
    if target is State.IN_PROGRESS:
        return e
    report = ClosingReport(
        "We learned natural dyeing at industrial scale.",
        "Start small.",
        True,
        (),
        at(last, 18),
        visitor_person,
    )
    e = closing.submit_report(e, report, at=at(last, 18), by=visitor_person).exchange
    e = closing.give_feedback(e, "A committed visitor.", at=at(last, 19), by=host_person).exchange
    if target is State.REPORT_SUBMITTED:
        return e
    if target is State.REPORT_SENT_BACK:
        return closing.send_back(
            e, comments="add photos", at=at(last + timedelta(days=3)), by=manager
        ).exchange
    e = closing.validate(e, at=at(last + timedelta(days=5)), by=manager).exchange
    if target is State.COMPLETED:
        return e
    return closing.record_payment(e, at=at(last + timedelta(days=12)), by=manager).exchange


CLUSTER_IDS = [UUID(f"0b1c0000-0000-4000-8000-00000000000{k + 1}") for k in range(5)]


def _cluster_index(cluster_id: UUID) -> int:
    return CLUSTER_IDS.index(cluster_id) if cluster_id in CLUSTER_IDS else 0


async def parties(connection: asyncpg.Connection) -> list[tuple[int, Party]]:
    rows = await connection.fetch("SELECT * FROM organisations WHERE legal_name LIKE 'Scale %'")
    by_id = {row["organisation_id"]: party_from(row) for row in rows}
    numbers = await connection.fetch(
        f"SELECT n, {organisation_id_sql('n')} AS id FROM generate_series(1, $1::int) AS n", len(rows)
    )
    return [(row["n"], by_id[row["id"]]) for row in numbers if row["id"] in by_id]


def exchange_record(e: Exchange) -> tuple[Any, ...]:
    values = arguments(exchange_columns(e), EXCHANGE_COLUMNS)
    # COPY has no codec for jsonb: JSON text, as the service's codec would send it.
    return tuple(
        json.dumps(v)
        if name in ("lump_sum", "commitment", "signatures", "report", "host_feedback", "at_risk")
        and v is not None
        else v
        for name, v in zip(EXCHANGE_COLUMNS, values, strict=True)
    )


def history_records(e: Exchange) -> list[tuple[Any, ...]]:
    return [
        (e.id, position, str(h.step), h.at, h.by, str(h.state), h.note)
        for position, h in enumerate(e.history)
    ]


async def copy_exchanges(connection: asyncpg.Connection, made: list[Exchange]) -> None:
    """COPY the exchanges and their histories in, skipping ids already there (idempotent)."""
    async with connection.transaction():
        await connection.execute(
            "CREATE TEMP TABLE scale_exchanges (LIKE exchanges) ON COMMIT DROP;"
            "CREATE TEMP TABLE scale_history (LIKE exchange_history) ON COMMIT DROP"
        )
        await connection.copy_records_to_table(
            "scale_exchanges", records=[exchange_record(e) for e in made], columns=list(EXCHANGE_COLUMNS)
        )
        await connection.copy_records_to_table(
            "scale_history", records=[r for e in made for r in history_records(e)]
        )
        await connection.execute(
            "INSERT INTO exchanges SELECT * FROM scale_exchanges ON CONFLICT DO NOTHING;"
            "INSERT INTO exchange_history SELECT * FROM scale_history ON CONFLICT DO NOTHING"
        )


RECOUNT = """
UPDATE programme_quotas q SET taken = c.taken, completed = c.completed
FROM (
    SELECT q2.programme_id, q2.category,
           count(e.id) FILTER (WHERE e.state = ANY($1::text[])) AS taken,
           count(e.id) FILTER (WHERE e.state = ANY($2::text[])) AS completed
    FROM programme_quotas q2
    LEFT JOIN exchanges e ON e.programme_id = q2.programme_id AND e.slot_category = q2.category
    GROUP BY q2.programme_id, q2.category
) c
WHERE q.programme_id = c.programme_id AND q.category = c.category
  AND (q.taken, q.completed) IS DISTINCT FROM (c.taken, c.completed)
"""
RECOUNT_CLUSTERS = """
INSERT INTO figures_by_cluster (programme_id, cluster_id, approved, completed)
SELECT programme_id, visitor_cluster_id, count(*) FILTER (WHERE state = ANY($1::text[])),
       count(*) FILTER (WHERE state = ANY($2::text[]))
FROM exchanges GROUP BY programme_id, visitor_cluster_id
ON CONFLICT (programme_id, cluster_id) DO UPDATE
SET approved = EXCLUDED.approved, completed = EXCLUDED.completed
"""
RECOUNT_FLOWS = """
INSERT INTO figures_by_flow (programme_id, from_country, to_country, approved, completed)
SELECT programme_id, visitor_country, host_country, count(*) FILTER (WHERE state = ANY($1::text[])),
       count(*) FILTER (WHERE state = ANY($2::text[]))
FROM exchanges GROUP BY programme_id, visitor_country, host_country
ON CONFLICT (programme_id, from_country, to_country) DO UPDATE
SET approved = EXCLUDED.approved, completed = EXCLUDED.completed
"""


async def recount(connection: asyncpg.Connection) -> None:
    """The counters the service keeps per change, recomputed from the exchanges."""
    approved = sorted(str(s) for s in figures.APPROVED_OR_LATER)
    completed = sorted(str(s) for s in figures.COMPLETED)
    async with connection.transaction():
        for statement in (RECOUNT, RECOUNT_CLUSTERS, RECOUNT_FLOWS):
            await connection.execute(statement, approved, completed)


async def programmes_by_number(connection: asyncpg.Connection, name_like: str) -> dict[int, Programme]:
    rows = await connection.fetch(SELECT_PROGRAMMES + " WHERE p.name LIKE $1", name_like)
    found: dict[int, Programme] = {}
    for row in rows:
        values = dict(row)
        values["quotas"] = (
            json.loads(values["quotas"]) if isinstance(values["quotas"], str) else values["quotas"]
        )
        if isinstance(values["lump_sum_caps"], str):
            values["lump_sum_caps"] = json.loads(values["lump_sum_caps"])
        found[int(row["name"].rsplit(" ", 1)[1])] = programme_from(values)
    return found


def request_exchange(
    number: int,
    programme: Programme,
    visitor: tuple[int, Party],
    host: tuple[int, Party],
    offer_id: UUID | None,
) -> Exchange:
    """Exchange `number`'s request: a Monday-to-Friday week of 2027 that passes every rule (a week
    with public holidays in the host country may be too short: then the next week)."""
    for week in range(5):
        monday = FIRST_MONDAY + timedelta(weeks=(number * 5 + week) % 44)
        candidate = Candidate(
            programme=programme,
            visitor=visitor[1],
            host=host[1],
            first_day=monday,
            last_day=monday + timedelta(days=4),
            requested_on=monday - timedelta(days=60),
            visits_so_far=0,
            slots_taken=0,
        )
        try:
            return exchanges.request(
                candidate,
                exchange_id=exchange_id(number),
                activity_kind=list(ActivityKind)[number % 5],
                at=at(monday - timedelta(days=60), 10),
                by=person_id("person", visitor[0]),
                message="We would like to learn from you.",
                hosting_offer_id=offer_id,
            ).exchange
        except NotEligible:
            continue
    raise RuntimeError(f"no eligible week for generated exchange {number}")


@generator(
    "exchange",
    "exchanges",
    real_size=EXCHANGES_REAL_SIZE,
    count_sql="SELECT count(*) FROM exchanges e JOIN programmes p ON p.id = e.programme_id "
    "WHERE p.name LIKE 'Scale ClusterXchange call %'",
)
async def _exchanges(connection: asyncpg.Connection, first: int, last: int) -> None:
    # Exchange n belongs to call 1 + (n-1) // 25, where it is the i-th (PATTERN gives its state);
    # its visitor is the call's i-th visitor (distinct within a call), its host the host of an
    # offer in another country. A slot is only taken where the category's quota has room.
    known = await parties(connection)
    visitors = [p for p in known if p[1].is_active and p[1].category in MAY_VISIT]
    by_id = {p[1].organisation_id: p for p in known}
    offers = [
        (row["id"], by_id[row["host_organisation_id"]])
        for row in await connection.fetch(
            "SELECT id, host_organisation_id FROM hosting_offers WHERE title LIKE 'Scale offer %'"
            " ORDER BY published_at, id"
        )
        if row["host_organisation_id"] in by_id and by_id[row["host_organisation_id"]][1].is_active
    ]
    programmes = await programmes_by_number(connection, "Scale ClusterXchange call %")
    taken: dict[tuple[UUID, str], int] = {
        (row["programme_id"], row["category"]): row["taken"]
        for row in await connection.fetch("SELECT programme_id, category, taken FROM programme_quotas")
    }
    slots = {(p.id, str(q.category)): q.slots for p in programmes.values() for q in p.quotas}
    made: list[Exchange] = []
    for n in range(first, last + 1):
        call, i = 1 + (n - 1) // PER_PROGRAMME, (n - 1) % PER_PROGRAMME
        programme = programmes[call]
        visitor = visitors[(call * 7 + i) % len(visitors)]
        k = (n * 13) % len(offers)
        while offers[k][1][1].country == visitor[1].country:
            k = (k + 1) % len(offers)
        offer_id, host = offers[k]
        target = PATTERN[i]
        category = str(slot_category(visitor[1].category, host[1].category))
        if figures.counts_as_approved(target):
            key = (programme.id, category)
            if taken.get(key, 0) >= slots.get(key, 0):
                target = State.COMMITMENT_AGREED
            else:
                taken[key] = taken.get(key, 0) + 1
        requested = request_exchange(n, programme, visitor, host, offer_id)
        made.append(
            take_through(requested, target, programme, requested.requested_by, person_id("person", host[0]))
        )
    await copy_exchanges(connection, made)
    await recount(connection)
