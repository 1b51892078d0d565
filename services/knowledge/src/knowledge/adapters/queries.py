"""Every SQL statement of the knowledge service, named."""

CONTRIBUTOR_COLUMNS = (
    "person_id",
    "display_name",
    "email",
    "language",
    "role",
    "organisation_id",
    "cluster_id",
    "updated_at",
)

GET_CONTRIBUTOR = f"SELECT {', '.join(CONTRIBUTOR_COLUMNS)} FROM contributors WHERE person_id = $1"

# Announcements can arrive out of order across a replay: the newest one wins.
UPSERT_CONTRIBUTOR = f"""
INSERT INTO contributors ({", ".join(CONTRIBUTOR_COLUMNS)})
VALUES ({", ".join(f"${i}" for i in range(1, len(CONTRIBUTOR_COLUMNS) + 1))})
ON CONFLICT (person_id) DO UPDATE SET
    {", ".join(f"{c} = EXCLUDED.{c}" for c in CONTRIBUTOR_COLUMNS[1:])}
WHERE contributors.updated_at <= EXCLUDED.updated_at
"""

FORGET_CONTRIBUTOR = "DELETE FROM contributors WHERE person_id = $1"
