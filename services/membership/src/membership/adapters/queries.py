"""Every SQL statement of the membership service, named."""

# --- clusters ---------------------------------------------------------------------------------

CLUSTER_EXISTS = "SELECT EXISTS (SELECT 1 FROM clusters WHERE id = $1)"

CLUSTER_COLUMNS = "id, name, short_name, country, home_region, city, latitude, longitude"

LIST_CLUSTERS = f"SELECT {CLUSTER_COLUMNS} FROM clusters ORDER BY name, id"

GET_CLUSTER = f"SELECT {CLUSTER_COLUMNS} FROM clusters WHERE id = $1"

INSERT_CLUSTER = """
INSERT INTO clusters (id, name, short_name, country, home_region, city, latitude, longitude)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT DO NOTHING
RETURNING id
"""

# --- organisations ----------------------------------------------------------------------------

INSERT_ORGANISATION = """
INSERT INTO organisations (id, legal_name, category, cluster_id, country, region, city, latitude,
                           longitude, registration_number, status, applied_at, version,
                           value_chains, size_band, activities, certifications, languages,
                           website, description)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
ON CONFLICT (registration_number) DO NOTHING
RETURNING id
"""

ORGANISATION_COLUMNS = """
id, legal_name, category, cluster_id, country, region, city, latitude, longitude,
registration_number, status, applied_at, decided_at, rejection_reason, version,
value_chains, size_band, activities, certifications, languages, website, description, decided_by
"""

GET_ORGANISATION = f"SELECT {ORGANISATION_COLUMNS} FROM organisations WHERE id = $1"

# Locks the row so concurrent decisions on one organisation are serialised, which also keeps
# its events in commit order in the outbox.
GET_ORGANISATION_FOR_UPDATE = f"{GET_ORGANISATION} FOR UPDATE"

UPDATE_ORGANISATION_STATUS = """
UPDATE organisations SET status = $2, decided_at = $3, rejection_reason = $4, version = $5,
                         decided_by = $6
WHERE id = $1
"""

UPDATE_ORGANISATION_PROFILE = """
UPDATE organisations SET legal_name = $2, region = $3, city = $4, latitude = $5, longitude = $6,
    value_chains = $7, size_band = $8, activities = $9, certifications = $10, languages = $11,
    website = $12, description = $13, version = $14
WHERE id = $1
"""

LIST_APPLICATIONS = f"""
SELECT {ORGANISATION_COLUMNS} FROM organisations
WHERE cluster_id = $1 AND status = $2
ORDER BY applied_at, id
LIMIT $3 OFFSET $4
"""

# --- directory, map and figures (active organisations only) -------------------------------------

# One query for every filter combination: a NULL parameter means "no filter on this".
# $6 is an ILIKE pattern whose wildcards in user input were escaped by the caller.
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

DIRECTORY_PAGE = f"""
SELECT {ORGANISATION_COLUMNS}, count(*) OVER () AS total FROM organisations
WHERE {DIRECTORY_FILTER}
ORDER BY legal_name, id
LIMIT $7 OFFSET $8
"""

DIRECTORY_COUNT = f"SELECT count(*) FROM organisations WHERE {DIRECTORY_FILTER}"

DIRECTORY_ALL = f"""
SELECT {ORGANISATION_COLUMNS} FROM organisations
WHERE {DIRECTORY_FILTER}
ORDER BY legal_name, id
LIMIT $7
"""

COUNTS_BY_DIMENSION = """
SELECT 'country' AS dimension, country::text AS key, count(*) AS n
    FROM organisations WHERE status = 'active' GROUP BY country
UNION ALL
SELECT 'region', coalesce(region, '(none)'), count(*)
    FROM organisations WHERE status = 'active' GROUP BY region
UNION ALL
SELECT 'category', category, count(*) FROM organisations WHERE status = 'active' GROUP BY category
UNION ALL
SELECT 'value_chain', chain, count(*)
    FROM organisations, unnest(value_chains) AS chain WHERE status = 'active' GROUP BY chain
UNION ALL
SELECT 'cluster', cluster_id::text, count(*) FROM organisations WHERE status = 'active' GROUP BY cluster_id
ORDER BY 1, 2
"""

# --- people -----------------------------------------------------------------------------------

PERSON_COLUMNS = """
id, email, display_name, language, password_hash, created_at, role, organisation_id, cluster_id,
status, erased_at
"""

INSERT_PERSON = f"""
INSERT INTO people ({PERSON_COLUMNS})
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
ON CONFLICT (lower(email)) WHERE email IS NOT NULL DO NOTHING
RETURNING id
"""

GET_PERSON = f"SELECT {PERSON_COLUMNS} FROM people WHERE id = $1"

GET_PERSON_FOR_UPDATE = f"{GET_PERSON} FOR UPDATE"

GET_PERSON_BY_EMAIL = f"SELECT {PERSON_COLUMNS} FROM people WHERE lower(email) = lower($1)"

UPDATE_PERSON = """
UPDATE people SET email = $2, display_name = $3, language = $4, password_hash = $5, role = $6,
    organisation_id = $7, cluster_id = $8, status = $9, erased_at = $10
WHERE id = $1
"""

LIST_PEOPLE_OF_ORGANISATION = f"""
SELECT {PERSON_COLUMNS} FROM people WHERE organisation_id = $1 ORDER BY display_name, id
"""

# --- invitations ------------------------------------------------------------------------------

INVITATION_COLUMNS = """
id, email, role, invited_by, token_hash, created_at, organisation_id, cluster_id, accepted_at
"""

INSERT_INVITATION = (
    f"INSERT INTO invitations ({INVITATION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
)

GET_INVITATION_BY_TOKEN_FOR_UPDATE = (
    f"SELECT {INVITATION_COLUMNS} FROM invitations WHERE token_hash = $1 FOR UPDATE"
)

ACCEPT_INVITATION = "UPDATE invitations SET accepted_at = $2 WHERE id = $1"

LIST_INVITATIONS_SENT_BY = f"SELECT {INVITATION_COLUMNS} FROM invitations WHERE invited_by = $1"

# Invitations name an email: erasing its owner forgets the ones sent to them as well.
DELETE_INVITATIONS_TO = "DELETE FROM invitations WHERE lower(email) = lower($1)"

# --- partner clients --------------------------------------------------------------------------

INSERT_CLIENT = """
INSERT INTO partner_clients (id, name, secret_hash, scopes, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6)
"""

GET_ACTIVE_CLIENT = (
    "SELECT id, name, secret_hash, scopes FROM partner_clients WHERE id = $1 AND revoked_at IS NULL"
)

# --- sign-in attempts -------------------------------------------------------------------------

# Serialises sign-ins to one account across replicas, so parallel guesses cannot all slip
# under the limit before any failure is recorded.
LOCK_ACCOUNT = "SELECT pg_advisory_xact_lock(hashtextextended($1, 7))"

ACCOUNT_FAILURES_SINCE = """
SELECT attempted_at FROM login_attempts
WHERE account_key = $1 AND NOT succeeded AND attempted_at > $2
ORDER BY attempted_at
"""

ADDRESS_FAILURES_SINCE = """
SELECT count(*) FROM login_attempts WHERE client_address = $1 AND NOT succeeded AND attempted_at > $2
"""

INSERT_ATTEMPT = """
INSERT INTO login_attempts (account_key, client_address, succeeded, attempted_at) VALUES ($1, $2, $3, $4)
"""

# Keeps the table small: what is older than the window no longer counts.
PRUNE_ATTEMPTS = "DELETE FROM login_attempts WHERE account_key = $1 AND (attempted_at < $2 OR $3)"
