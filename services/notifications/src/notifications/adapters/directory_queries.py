"""SQL of the recipients directory, the organisations' home clusters and the preferences."""

RECIPIENT_COLUMNS = (
    "person_id, display_name, email, language, roles, organisation_id, cluster_id, timezone, known_since"
)

# The timezone and first sighting are this service's own: a new snapshot
# does not reset them.
SAVE_RECIPIENT = """
INSERT INTO recipients (
    person_id, display_name, email, language, roles, organisation_id, cluster_id, known_since
)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (person_id) DO UPDATE SET
    display_name = EXCLUDED.display_name, email = EXCLUDED.email, language = EXCLUDED.language,
    roles = EXCLUDED.roles, organisation_id = EXCLUDED.organisation_id, cluster_id = EXCLUDED.cluster_id,
    known_since = coalesce(recipients.known_since, EXCLUDED.known_since)
"""

GET_RECIPIENT = f"SELECT {RECIPIENT_COLUMNS} FROM recipients WHERE person_id = $1"

FIND_RECIPIENTS = f"""
SELECT {RECIPIENT_COLUMNS} FROM recipients
WHERE ($1::uuid IS NULL OR person_id = $1)
  AND ($2::uuid IS NULL OR organisation_id = $2)
  AND ($3::uuid IS NULL OR cluster_id = $3)
  AND ($4::text[] IS NULL OR roles && $4)
ORDER BY person_id
"""

# Every person one of many queries may find, in one read (each criterion on its own index);
# domain.recipients.found_for sorts them into each query's answer.
CANDIDATE_RECIPIENTS = f"""
SELECT {RECIPIENT_COLUMNS} FROM recipients
WHERE person_id = ANY($1::uuid[])
   OR (organisation_id IS NOT NULL AND organisation_id = ANY($2::uuid[]))
   OR (cluster_id IS NOT NULL AND cluster_id = ANY($3::uuid[]))
"""

# Queries naming only roles (every cluster manager, the administrators): a few people.
ALL_RECIPIENTS = f"SELECT {RECIPIENT_COLUMNS} FROM recipients"
ROLE_HOLDERS = f"SELECT {RECIPIENT_COLUMNS} FROM recipients WHERE roles && $1::text[]"

FORGET_RECIPIENT = """
WITH gone AS (DELETE FROM notification_preferences WHERE person_id = $1)
DELETE FROM recipients WHERE person_id = $1
"""

SAVE_ORGANISATION = """
INSERT INTO member_organisations (organisation_id, cluster_id, legal_name) VALUES ($1, $2, $3)
ON CONFLICT (organisation_id) DO UPDATE SET cluster_id = EXCLUDED.cluster_id, legal_name = EXCLUDED.legal_name
"""

KNOWN_ORGANISATIONS = """
SELECT organisation_id, cluster_id, legal_name FROM member_organisations
WHERE organisation_id = ANY($1::uuid[])
"""

CHOSEN_PREFERENCES = """
SELECT person_id, category, channel, frequency FROM notification_preferences WHERE person_id = ANY($1::uuid[])
"""

CHOOSE_PREFERENCE = """
INSERT INTO notification_preferences (person_id, category, channel, frequency) VALUES ($1, $2, $3, $4)
ON CONFLICT (person_id, category, channel) DO UPDATE SET frequency = EXCLUDED.frequency
"""
