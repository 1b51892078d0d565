"""Every SQL statement of the membership service's clusters, organisations and directory, named.

People, invitations, partner clients and sign-in attempts are in `people_queries`.
"""

from membership.adapters.sql import assignments, columns, placeholders
from membership.domain.organisations import PUBLIC_FIELDS
from membership.domain.profile import PROFILE_FIELDS

# --- clusters ---------------------------------------------------------------------------------

CLUSTER_COLUMNS = ("id", "name", "short_name", "country", "home_region", "city", "latitude", "longitude")

CLUSTER_EXISTS = "SELECT EXISTS (SELECT 1 FROM clusters WHERE id = $1)"

LIST_CLUSTERS = f"SELECT {columns(CLUSTER_COLUMNS)} FROM clusters ORDER BY name, id"

GET_CLUSTER = f"SELECT {columns(CLUSTER_COLUMNS)} FROM clusters WHERE id = $1"

INSERT_CLUSTER = f"""
INSERT INTO clusters ({columns(CLUSTER_COLUMNS)}) VALUES ({placeholders(CLUSTER_COLUMNS)})
ON CONFLICT DO NOTHING
RETURNING id
"""

# --- organisations ----------------------------------------------------------------------------

# The profile's columns are named like the fields of the domain's Profile.
PROFILE_COLUMNS = PROFILE_FIELDS
STATUS_COLUMNS = ("status", "decided_at", "rejection_reason", "version", "decided_by")
ORGANISATION_COLUMNS = (
    "id",
    "category",
    "cluster_id",
    "country",
    "registration_number",
    "applied_at",
    *STATUS_COLUMNS,
    *PROFILE_COLUMNS,
)

INSERT_ORGANISATION = f"""
INSERT INTO organisations ({columns(ORGANISATION_COLUMNS)}) VALUES ({placeholders(ORGANISATION_COLUMNS)})
ON CONFLICT (registration_number) DO NOTHING
RETURNING id
"""

GET_ORGANISATION = f"SELECT {columns(ORGANISATION_COLUMNS)} FROM organisations WHERE id = $1"

# Locks the row so concurrent decisions on one organisation are serialised, which also keeps
# its events in commit order in the outbox.
GET_ORGANISATION_FOR_UPDATE = f"{GET_ORGANISATION} FOR UPDATE"

UPDATE_ORGANISATION_STATUS = f"UPDATE organisations SET {assignments(STATUS_COLUMNS, first=2)} WHERE id = $1"

PROFILE_UPDATE_COLUMNS = (*PROFILE_COLUMNS, "version")

UPDATE_ORGANISATION_PROFILE = (
    f"UPDATE organisations SET {assignments(PROFILE_UPDATE_COLUMNS, first=2)} WHERE id = $1"
)

LIST_APPLICATIONS = f"""
SELECT {columns(ORGANISATION_COLUMNS)} FROM organisations
WHERE cluster_id = $1 AND status = $2
ORDER BY applied_at, id
LIMIT $3 OFFSET $4
"""

# --- directory, map and figures (active organisations only) -------------------------------------

# The filter's parameters, $1 to $6 in this order; a NULL parameter means "no filter on this".
# `text` is an ILIKE pattern whose wildcards in user input were escaped by the caller.
DIRECTORY_FILTER_PARAMETERS = ("country", "region", "category", "value_chain", "cluster_id", "text")

DIRECTORY_FILTER = """
status = 'active'
AND ($1::char(2) IS NULL OR country = $1)
AND ($2::text IS NULL OR region = $2)
AND ($3::text IS NULL OR category = $3)
AND ($4::text IS NULL OR $4 = ANY (value_chains))
AND ($5::uuid IS NULL OR cluster_id = $5)
AND ($6::text IS NULL OR legal_name ILIKE $6 OR city ILIKE $6 OR description ILIKE $6
     OR array_to_string(activities, ' ') ILIKE $6)
"""

# Keyset pagination over the index organisations_directory (status, legal_name, id): a page reads
# its rows and one more (is there a next page?), however deep it is. The first page may skip
# `offset` rows ($8; kept for clients of the offset API: it reads every skipped row).
DIRECTORY_PAGE = f"""
SELECT {columns(PUBLIC_FIELDS)} FROM organisations
WHERE {DIRECTORY_FILTER}
ORDER BY legal_name, id
LIMIT $7 OFFSET $8
"""

# The page after the (legal_name, id) position $8, $9.
DIRECTORY_PAGE_AFTER = f"""
SELECT {columns(PUBLIC_FIELDS)} FROM organisations
WHERE {DIRECTORY_FILTER}
AND (legal_name, id) > ($8::text, $9::uuid)
ORDER BY legal_name, id
LIMIT $7
"""

# How many match: one row of directory_counts (kept by a trigger, see migration 0005) when the
# filter is none or one dimension; DIRECTORY_COUNT (a scan) otherwise.
DIRECTORY_TOTAL = "SELECT coalesce(max(n), 0) FROM directory_counts WHERE dimension = $1 AND key = $2"

DIRECTORY_COUNT = f"SELECT count(*) FROM organisations WHERE {DIRECTORY_FILTER}"

DIRECTORY_ALL = f"""
SELECT {columns(ORGANISATION_COLUMNS)} FROM organisations
WHERE {DIRECTORY_FILTER}
ORDER BY legal_name, id
LIMIT $7
"""

# Active organisations by dimension: a few rows kept in step by a trigger (migration 0005).
COUNTS_BY_DIMENSION = """
SELECT dimension, key, n FROM directory_counts
WHERE dimension <> 'all' AND n > 0
ORDER BY dimension, key
"""

# What COUNTS_BY_DIMENSION keeps, counted from the organisations (tests check the two agree).
COUNTS_BY_DIMENSION_SCANNED = """
SELECT k.dimension, k.key, count(*) AS n
FROM organisations AS o, directory_keys(o) AS k
WHERE o.status = 'active' AND k.dimension <> 'all'
GROUP BY k.dimension, k.key
ORDER BY 1, 2
"""
