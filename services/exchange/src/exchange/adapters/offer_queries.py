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

# The suggestion ranking, in SQL: each part of `matching.score` computed without its rounding
# (shared value chains, wanted activity kinds, a shared language, other country, distance by the
# haversine formula, a free place in the wanted period through one index lookup per available
# offer), summed, and the best `limit` kept in (score, id) order. The domain rounds each part to
# 0.1 and the total again (round-half-even on floats), which moves a total by at most 0.1503 from
# the unrounded sum here (3 parts rounded, each by at most 0.05, plus 0.0003 from the distance
# rounded to 0.1 km); so the offers within SUGGESTION_MARGIN (> 2 x 0.1503) of the `limit`-th are
# returned too, and `matching.suggest` over these rows gives exactly what it gives over every
# candidate: an offer left out scores (in the domain) strictly below each of the `limit` kept.
# Arguments: $1 visitor id, $2 its country, $3 its value chains, $4 its languages, $5 / $6 its
# latitude / longitude (NULL: unknown), $7 wanted kinds of activity (empty: any), $8 / $9 the
# wanted period's first / last day, $10 limit.
SUGGESTION_MARGIN = 0.35
_BOOKED = """
(SELECT count(*) FROM exchanges x
 WHERE x.hosting_offer_id = o.id AND x.state NOT IN ('declined', 'cancelled')
   AND x.first_day <= $9 AND x.last_day >= $8)
"""
_KM = """
2 * 6371.0088 * asin(least(1.0, sqrt(
    power(sin((radians(h.latitude) - radians($5::float8)) / 2), 2)
    + cos(radians($5::float8)) * cos(radians(h.latitude))
      * power(sin(radians(h.longitude - $6::float8) / 2), 2))))
"""
SUGGESTION_CANDIDATES = f"""
WITH candidate AS MATERIALIZED (
    SELECT o.id, o.capacity,
           CASE WHEN o.periods && daterange($8::date, $9::date, '[]') THEN {_BOOKED} END AS booked,
           CASE WHEN cardinality($3::text[]) = 0 THEN 0.0::float8
                ELSE 25.0::float8 * (SELECT count(*) FROM unnest($3::text[]) c WHERE c = ANY(h.value_chains))
                     / cardinality($3::text[]) END
         + CASE WHEN cardinality($7::text[]) = 0 THEN 20.0::float8
                ELSE 20.0::float8
                     * (SELECT count(*) FROM unnest($7::text[]) k WHERE k = ANY(o.activity_kinds))
                     / cardinality($7::text[]) END
         + CASE WHEN o.languages && $4::text[] THEN 15.0::float8 ELSE 0.0 END
         + 10.0
         + CASE WHEN $5::float8 IS NULL OR $6::float8 IS NULL OR h.latitude IS NULL OR h.longitude IS NULL
                THEN 0.0 ELSE 15.0::float8 * greatest(0.0, 1 - ({_KM}) / 2500.0) END AS partial
    FROM hosting_offers o JOIN organisations h ON h.organisation_id = o.host_organisation_id
    WHERE o.withdrawn_at IS NULL AND h.is_active AND h.country <> $2 AND h.organisation_id <> $1
), scored AS MATERIALIZED (
    SELECT id, coalesce(booked, 0) AS booked,
           partial + CASE WHEN booked < capacity THEN 15.0 ELSE 0.0 END AS score
    FROM candidate
), cut AS (
    SELECT score FROM scored ORDER BY score DESC, id OFFSET greatest($10::int, 1) - 1 LIMIT 1
)
SELECT offer.*, s.booked, s.score
FROM scored s
CROSS JOIN LATERAL ({SELECT_OFFERS} WHERE o.id = s.id) AS offer
WHERE s.score >= coalesce((SELECT score FROM cut), '-Infinity'::float8) - {SUGGESTION_MARGIN}
ORDER BY s.score DESC, s.id
"""
