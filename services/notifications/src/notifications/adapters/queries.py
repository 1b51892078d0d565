"""Every SQL statement of the notifications service, named."""

INSERT_NOTIFICATION = """
INSERT INTO notifications (id, organisation_id, kind, title, body, source_event_id, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (source_event_id, kind) DO NOTHING
"""

LIST_FOR_ORGANISATION = """
SELECT id, organisation_id, kind, title, body, source_event_id, created_at, read_at
FROM notifications
WHERE organisation_id = $1
ORDER BY created_at DESC, id
LIMIT $2 OFFSET $3
"""
