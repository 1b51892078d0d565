"""Every SQL statement of the knowledge service, named."""

AUTHOR_COLUMNS = ("person_id", "display_name", "organisation_id", "updated_at", "erased")

GET_AUTHOR = f"SELECT {', '.join(AUTHOR_COLUMNS)} FROM authors WHERE person_id = $1"
GET_AUTHOR_FOR_UPDATE = GET_AUTHOR + " FOR UPDATE"

SAVE_AUTHOR = """
INSERT INTO authors (person_id, display_name, organisation_id, updated_at, erased)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (person_id) DO UPDATE SET
    display_name = EXCLUDED.display_name,
    organisation_id = EXCLUDED.organisation_id,
    updated_at = EXCLUDED.updated_at,
    erased = EXCLUDED.erased
"""
