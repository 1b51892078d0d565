"""Every SQL statement of the membership service, named."""

CLUSTER_EXISTS = "SELECT EXISTS (SELECT 1 FROM clusters WHERE id = $1)"

LIST_CLUSTERS = """
SELECT id, name, short_name, country, home_region, city, latitude, longitude
FROM clusters ORDER BY name
"""

INSERT_ORGANISATION = """
INSERT INTO organisations (id, legal_name, category, cluster_id, country, region, city, latitude,
                           longitude, registration_number, status, applied_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
ON CONFLICT (registration_number) DO NOTHING
RETURNING id
"""

ORGANISATION_COLUMNS = """
id, legal_name, category, cluster_id, country, region, city, latitude, longitude,
registration_number, status, applied_at, decided_at, rejection_reason, version
"""

GET_ORGANISATION = f"SELECT {ORGANISATION_COLUMNS} FROM organisations WHERE id = $1"

# Locks the row so concurrent decisions on one organisation are serialised, which also keeps
# its events in commit order in the outbox.
GET_ORGANISATION_FOR_UPDATE = f"{GET_ORGANISATION} FOR UPDATE"

UPDATE_ORGANISATION_STATUS = """
UPDATE organisations SET status = $2, decided_at = $3, rejection_reason = $4, version = $5
WHERE id = $1
"""
