"""SQL of exchanges and their history, named; column lists spelled once."""

from functools import cache

from exchange.adapters.sql import columns, placeholders

EXCHANGE_COLUMNS = (
    "id",
    "programme_id",
    "visitor_organisation_id",
    "visitor_category",
    "visitor_country",
    "visitor_cluster_id",
    "host_organisation_id",
    "host_category",
    "host_country",
    "host_cluster_id",
    "slot_category",
    "activity_kind",
    "first_day",
    "last_day",
    "state",
    "lump_sum",
    "requested_at",
    "requested_by",
    "message",
    "hosting_offer_id",
    "mission_id",
    "commitment",
    "signatures",
    "report",
    "host_feedback",
    "review_comments",
    "closing_reason",
    "approved_at",
    "approved_by",
    "validated_at",
    "validated_by",
    "paid_at",
    "paid_by",
    "paid_amount",
    "flagged",
    "at_risk",
    "report_due",
    "payment_due",
    "version",
)
# Set when the exchange is requested, never changed by a step.
FIXED_COLUMNS = frozenset(EXCHANGE_COLUMNS[:12]) | {
    "requested_at",
    "requested_by",
    "message",
    "hosting_offer_id",
    "mission_id",
}
CHANGING_COLUMNS = tuple(c for c in EXCHANGE_COLUMNS if c not in FIXED_COLUMNS)

_HISTORY = """
(SELECT coalesce(json_agg(json_build_object('step', h.step, 'at', h.at, 'by', h.by_person,
    'state', h.state, 'note', h.note) ORDER BY h.position), '[]')
 FROM exchange_history h WHERE h.exchange_id = e.id) AS history
"""
SELECT_EXCHANGES = f"SELECT {columns(EXCHANGE_COLUMNS, prefix='e.')}, {_HISTORY} FROM exchanges e"

GET_EXCHANGE = SELECT_EXCHANGES + " WHERE e.id = $1"
LOCK_EXCHANGE = GET_EXCHANGE + " FOR UPDATE OF e"
INSERT_EXCHANGE = (
    f"INSERT INTO exchanges ({columns(EXCHANGE_COLUMNS)}) VALUES ({placeholders(EXCHANGE_COLUMNS)})"
)
UPDATE_EXCHANGE = (
    "UPDATE exchanges SET "
    + ", ".join(f"{name} = ${i}" for i, name in enumerate(CHANGING_COLUMNS, start=2))
    + " WHERE id = $1"
)


@cache
def update_exchange(names: tuple[str, ...]) -> str:
    """UPDATE of only these changing columns ($2…, in this order) of exchange $1."""
    assert names, "nothing to update"
    assert set(names) <= set(CHANGING_COLUMNS), names
    sets = ", ".join(f"{name} = ${i}" for i, name in enumerate(names, start=2))
    return f"UPDATE exchanges SET {sets} WHERE id = $1"


# Histories only grow: entries already stored are skipped by their position.
APPEND_HISTORY = """
INSERT INTO exchange_history (exchange_id, position, step, at, by_person, state, note)
SELECT $1, position, step, at, by_person, state, note
FROM unnest($2::int[], $3::text[], $4::timestamptz[], $5::uuid[], $6::text[], $7::text[])
    AS entry(position, step, at, by_person, state, note)
ON CONFLICT (exchange_id, position) DO NOTHING
"""

VISITS = """
SELECT count(*) FROM exchanges
WHERE programme_id = $1 AND visitor_organisation_id = $2 AND state NOT IN ('declined', 'cancelled')
"""
OPEN_FOR_ORGANISATION = (
    SELECT_EXCHANGES
    + """
WHERE (e.visitor_organisation_id = $1 OR e.host_organisation_id = $1) AND e.state = ANY($2::text[])
ORDER BY e.id FOR UPDATE OF e
"""
)
# Each criterion applies only when given ($n IS NULL otherwise).
FIND_EXCHANGES = (
    SELECT_EXCHANGES
    + """
WHERE ($1::uuid IS NULL OR e.programme_id = $1)
  AND ($2::text IS NULL OR e.state = $2)
  AND ($3::uuid IS NULL OR e.visitor_organisation_id = $3 OR e.host_organisation_id = $3)
  AND ($4::uuid IS NULL OR e.visitor_cluster_id = $4 OR e.host_cluster_id = $4)
  AND ($5::uuid IS NULL OR e.mission_id = $5)
ORDER BY e.requested_at, e.id
LIMIT $6 OFFSET $7
"""
)
# What the programme's clock has to do on day $1: start, or flag a passed deadline.
DUE = """
(SELECT id FROM exchanges WHERE state = 'approved' AND first_day <= $1)
UNION
(SELECT id FROM exchanges WHERE state IN ('in_progress', 'report_sent_back')
    AND report_due < $1 AND NOT 'report' = ANY(flagged))
UNION
(SELECT id FROM exchanges WHERE state = 'completed' AND payment_due < $1 AND NOT 'payment' = ANY(flagged))
ORDER BY id
LIMIT $2
"""
BOOKED = """
SELECT hosting_offer_id, count(*) AS booked FROM exchanges
WHERE hosting_offer_id = ANY($1::uuid[])
  AND state NOT IN ('declined', 'cancelled')
  AND first_day <= $3 AND last_day >= $2
GROUP BY hosting_offer_id
"""
