"""SQL of hosting offers, group missions and evidence, named; column lists spelled once."""

from exchange.adapters.queries import ORGANISATION_COLUMNS
from exchange.adapters.sql import columns, placeholders

OFFER_COLUMNS = (
    "id",
    "host_organisation_id",
    "title",
    "topics",
    "activity_kinds",
    "languages",
    "periods",
    "capacity",
    "published_at",
    "published_by",
)
INSERT_OFFER = f"INSERT INTO hosting_offers ({columns(OFFER_COLUMNS)}) VALUES ({placeholders(OFFER_COLUMNS)})"
# An offer is read with its host as exchange knows it now (`host_*` columns).
SELECT_OFFERS = f"""
SELECT {columns(OFFER_COLUMNS, prefix="o.")},
       {", ".join(f"h.{c} AS host_{c}" for c in ORGANISATION_COLUMNS)}
FROM hosting_offers o JOIN organisations h ON h.organisation_id = o.host_organisation_id
"""
GET_OFFER = SELECT_OFFERS + " WHERE o.id = $1 AND o.withdrawn_at IS NULL"
WITHDRAW_OFFER = "UPDATE hosting_offers SET withdrawn_at = $2 WHERE id = $1 AND withdrawn_at IS NULL"
# Each filter applies only when given; the order (newest first, then id) is total, so pages
# never repeat or skip an offer. Array and range filters use the GIN / GiST indexes.
SEARCH_OFFERS = (
    SELECT_OFFERS
    + """
WHERE o.withdrawn_at IS NULL AND h.is_active
  AND ($1::text IS NULL OR h.country = $1)
  AND ($2::text IS NULL OR h.category = $2)
  AND ($3::text IS NULL OR h.value_chains @> ARRAY[$3::text])
  AND ($4::text IS NULL OR o.activity_kinds @> ARRAY[$4::text])
  AND ($5::text IS NULL OR o.languages @> ARRAY[$5::text])
  AND ($6::date IS NULL OR o.periods && daterange($6::date, $7::date, '[]'))
  AND ($8::uuid IS NULL OR o.host_organisation_id = $8)
ORDER BY o.published_at DESC, o.id
LIMIT $9 OFFSET $10
"""
)
HOSTING_ELSEWHERE = (
    SELECT_OFFERS
    + """
WHERE o.withdrawn_at IS NULL AND h.is_active AND h.country <> $1
ORDER BY o.id
"""
)

MISSION_COLUMNS = (
    "id",
    "programme_id",
    "host_organisation_id",
    "title",
    "first_day",
    "last_day",
    "agenda",
    "capacity",
    "created_at",
    "created_by",
)
INSERT_MISSION = (
    f"INSERT INTO group_missions ({columns(MISSION_COLUMNS)}) VALUES ({placeholders(MISSION_COLUMNS)})"
)
_JOINED = """
ARRAY(SELECT x.id FROM exchanges x WHERE x.mission_id = m.id AND x.state NOT IN ('declined', 'cancelled')
      ORDER BY x.requested_at, x.id) AS exchange_ids
"""
SELECT_MISSIONS = f"SELECT {columns(MISSION_COLUMNS, prefix='m.')}, {_JOINED} FROM group_missions m"
GET_MISSION = SELECT_MISSIONS + " WHERE m.id = $1"
LOCK_MISSION = GET_MISSION + " FOR UPDATE OF m"
MISSIONS_IN_PROGRAMME = SELECT_MISSIONS + " WHERE m.programme_id = $1 ORDER BY m.first_day, m.id"

EVIDENCE_COLUMNS = (
    "id",
    "exchange_id",
    "filename",
    "media_type",
    "size",
    "sha256",
    "uploaded_at",
    "uploaded_by",
)
INSERT_EVIDENCE = (
    f"INSERT INTO evidence_files ({columns(EVIDENCE_COLUMNS)}) VALUES ({placeholders(EVIDENCE_COLUMNS)})"
)
EVIDENCE_OF_EXCHANGE = (
    f"SELECT {columns(EVIDENCE_COLUMNS)} FROM evidence_files WHERE exchange_id = $1 ORDER BY uploaded_at, id"
)
GET_EVIDENCE = f"SELECT {columns(EVIDENCE_COLUMNS)} FROM evidence_files WHERE exchange_id = $1 AND id = $2"

PUT_BLOB = "INSERT INTO evidence_blobs (sha256, content) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING"
GET_BLOB = "SELECT content FROM evidence_blobs WHERE sha256 = $1"
