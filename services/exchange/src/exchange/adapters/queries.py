"""SQL of the read models (people, organisations), programmes, quota counters and figures, named."""

from exchange.adapters.sql import columns, placeholders, upsert

PERSON_COLUMNS = (
    "person_id",
    "display_name",
    "email",
    "language",
    "role",
    "organisation_id",
    "cluster_id",
    "updated_at",
)
GET_PERSON = f"SELECT {columns(PERSON_COLUMNS)} FROM people WHERE person_id = $1"
# Announcements can arrive out of order across a replay: the newest one wins.
UPSERT_PERSON = upsert("people", PERSON_COLUMNS, "person_id", newer="updated_at")
IS_ERASED = "SELECT EXISTS (SELECT 1 FROM erased_people WHERE person_id = $1)"
DETACH_PERSON = """
UPDATE people SET role = NULL, organisation_id = NULL, cluster_id = NULL, updated_at = $2
WHERE person_id = $1 AND updated_at <= $2
"""
FORGET_PERSON = "DELETE FROM people WHERE person_id = $1"
TOMBSTONE_PERSON = """
INSERT INTO erased_people (person_id, erased_at) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING
"""
NAMES_OF_PEOPLE = """
SELECT person_id, display_name FROM people WHERE person_id = ANY($1::uuid[])
UNION ALL
SELECT person_id, $2 FROM erased_people WHERE person_id = ANY($1::uuid[])
"""

ORGANISATION_COLUMNS = (
    "organisation_id",
    "legal_name",
    "category",
    "country",
    "region",
    "cluster_id",
    "is_active",
    "latitude",
    "longitude",
    "value_chains",
    "languages",
    "as_of",
)
GET_ORGANISATION = f"SELECT {columns(ORGANISATION_COLUMNS)} FROM organisations WHERE organisation_id = $1"
LOCK_ORGANISATION = GET_ORGANISATION + " FOR UPDATE"
UPSERT_ORGANISATION = (
    upsert("organisations", ORGANISATION_COLUMNS, "organisation_id", newer="as_of") + "\nRETURNING 1"
)
NAMES_OF_ORGANISATIONS = (
    "SELECT organisation_id, legal_name FROM organisations WHERE organisation_id = ANY($1::uuid[])"
)

PROGRAMME_COLUMNS = (
    "id",
    "name",
    "application_first",
    "application_last",
    "activity_first",
    "activity_last",
    "lump_sum_caps",
    "created_at",
    "created_by",
    "closed_at",
    "closed_by",
)
QUOTA_COLUMNS = ("programme_id", "category", "side", "slots", "position")
INSERT_PROGRAMME = (
    f"INSERT INTO programmes ({columns(PROGRAMME_COLUMNS)}) VALUES ({placeholders(PROGRAMME_COLUMNS)})"
)
INSERT_QUOTA = (
    f"INSERT INTO programme_quotas ({columns(QUOTA_COLUMNS)}) VALUES ({placeholders(QUOTA_COLUMNS)})"
)
_QUOTAS_OF = """
(SELECT coalesce(json_agg(json_build_object('category', q.category, 'side', q.side, 'slots', q.slots)
    ORDER BY q.position), '[]') FROM programme_quotas q WHERE q.programme_id = p.id) AS quotas
"""
SELECT_PROGRAMMES = f"SELECT {columns(PROGRAMME_COLUMNS, prefix='p.')}, {_QUOTAS_OF} FROM programmes p"
GET_PROGRAMME = SELECT_PROGRAMMES + " WHERE p.id = $1"
LIST_PROGRAMMES = SELECT_PROGRAMMES + " ORDER BY p.created_at DESC, p.id"
CLOSE_PROGRAMME = "UPDATE programmes SET closed_at = $2, closed_by = $3 WHERE id = $1"

SLOTS_TAKEN = "SELECT taken FROM programme_quotas WHERE programme_id = $1 AND category = $2"
# The guarded update: it locks the counter row until commit, and a racing approval that waited
# for the lock re-reads `taken` before its WHERE decides, so the last slot goes exactly once.
TAKE_SLOT = """
UPDATE programme_quotas SET taken = taken + 1
WHERE programme_id = $1 AND category = $2 AND taken < slots
RETURNING taken
"""
FREE_SLOT = """
UPDATE programme_quotas SET taken = taken - 1 WHERE programme_id = $1 AND category = $2 AND taken > 0
"""

ADD_COMPLETED = """
UPDATE programme_quotas SET completed = completed + $3 WHERE programme_id = $1 AND category = $2
"""
ADD_TO_CLUSTER = """
INSERT INTO figures_by_cluster (programme_id, cluster_id, approved, completed) VALUES ($1, $2, $3, $4)
ON CONFLICT (programme_id, cluster_id) DO UPDATE SET
    approved = figures_by_cluster.approved + EXCLUDED.approved,
    completed = figures_by_cluster.completed + EXCLUDED.completed
"""
ADD_TO_FLOW = """
INSERT INTO figures_by_flow (programme_id, from_country, to_country, approved, completed)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (programme_id, from_country, to_country) DO UPDATE SET
    approved = figures_by_flow.approved + EXCLUDED.approved,
    completed = figures_by_flow.completed + EXCLUDED.completed
"""
CATEGORY_COUNTS = """
SELECT category, slots, taken AS approved, completed FROM programme_quotas
WHERE programme_id = $1 ORDER BY position
"""
CLUSTER_COUNTS = """
SELECT cluster_id, approved, completed FROM figures_by_cluster
WHERE programme_id = $1 AND (approved > 0 OR completed > 0) ORDER BY cluster_id
"""
FLOW_COUNTS = """
SELECT from_country, to_country, approved, completed FROM figures_by_flow
WHERE programme_id = $1 AND (approved > 0 OR completed > 0) ORDER BY from_country, to_country
"""
