"""SQL of the per-person notification records, their e-mail deliveries and digests."""

NOTIFICATION_COLUMNS = (
    "id, person_id, event_id, event_type, category, channel, frequency, title, context, created_at,"
    " sequence, read_at, archived_at, digest_id"
)

# Records in the order given. Each person's counter row is raised once by their count and locked
# until commit (in person order, so two transactions lock alike): their sequences grow in commit
# order, and their records take the numbers in between in the order given. A duplicate (event,
# person, channel) spends a number and is not inserted: gaps, never repeats. Whoever got a new
# in-app record has their open streams woken, in the same statement: PostgreSQL delivers the
# NOTIFY on commit to every process listening (adapters/inbox_wakeups.py).
ADD_NOTIFICATIONS = """
WITH batch AS (
    SELECT * FROM unnest(
        $1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[],
        $8::text[], $9::jsonb[], $10::timestamptz[]
    ) WITH ORDINALITY AS b (
        id, person_id, event_id, event_type, category, channel, frequency, title, context,
        created_at, position
    )
),
counted AS (
    SELECT person_id, count(*) AS taken FROM batch GROUP BY person_id
),
reserved AS (
    INSERT INTO inbox_sequences AS s (person_id, last_sequence)
    SELECT person_id, taken FROM counted ORDER BY person_id
    ON CONFLICT (person_id) DO UPDATE SET last_sequence = s.last_sequence + EXCLUDED.last_sequence
    RETURNING person_id, last_sequence
),
added AS (
    INSERT INTO person_notifications (
        id, person_id, event_id, event_type, category, channel, frequency, title, context, created_at,
        sequence
    )
    SELECT b.id, b.person_id, b.event_id, b.event_type, b.category, b.channel, b.frequency, b.title,
           b.context, b.created_at,
           r.last_sequence - c.taken + row_number() OVER (PARTITION BY b.person_id ORDER BY b.position)
    FROM batch b JOIN counted c USING (person_id) JOIN reserved r USING (person_id)
    ORDER BY b.position
    ON CONFLICT (event_id, person_id, channel) DO NOTHING
    RETURNING id, person_id, channel
),
woken AS (
    SELECT count(pg_notify('inbox', person_id::text)) AS streams
    FROM (SELECT DISTINCT person_id FROM added WHERE channel = 'in_app' ORDER BY person_id) AS person
)
-- woken is read (its one row joined to every id), or PostgreSQL would not run it.
SELECT added.id FROM added CROSS JOIN woken
"""


INBOX_PAGE = f"""
SELECT {NOTIFICATION_COLUMNS} FROM person_notifications
WHERE person_id = $1 AND channel = 'in_app' AND ($2::bigint IS NULL OR sequence < $2)
  AND CASE $3::text
        WHEN 'unread' THEN read_at IS NULL AND archived_at IS NULL
        WHEN 'read' THEN read_at IS NOT NULL AND archived_at IS NULL
        WHEN 'archived' THEN archived_at IS NOT NULL
        ELSE archived_at IS NULL
      END
ORDER BY sequence DESC
LIMIT $4
"""

INBOX_AFTER = f"""
SELECT {NOTIFICATION_COLUMNS} FROM person_notifications
WHERE person_id = $1 AND channel = 'in_app' AND sequence > $2
ORDER BY sequence
LIMIT $3
"""

LATEST_SEQUENCE = "SELECT coalesce(max(last_sequence), 0) FROM inbox_sequences WHERE person_id = $1"

UNREAD_COUNT = """
SELECT count(*) FROM person_notifications
WHERE person_id = $1 AND channel = 'in_app' AND read_at IS NULL AND archived_at IS NULL
"""

GET_NOTIFICATION = f"""
SELECT {NOTIFICATION_COLUMNS} FROM person_notifications
WHERE person_id = $1 AND id = $2 AND channel = 'in_app'
"""

MARK_READ = """
UPDATE person_notifications SET read_at = $3
WHERE person_id = $1 AND channel = 'in_app' AND read_at IS NULL AND ($2::uuid IS NULL OR id = $2)
"""

ARCHIVE = """
UPDATE person_notifications SET archived_at = coalesce(archived_at, $3), read_at = coalesce(read_at, $3)
WHERE person_id = $1 AND id = $2 AND channel = 'in_app'
"""

AWAITING_DIGEST = f"""
SELECT {NOTIFICATION_COLUMNS} FROM person_notifications
WHERE channel = 'email' AND frequency = $1 AND digest_id IS NULL
ORDER BY person_id, sequence
"""

MARK_DIGESTED = "UPDATE person_notifications SET digest_id = $2 WHERE id = ANY($1::uuid[])"

LAST_DIGESTS = "SELECT person_id, sent_at FROM digests_sent WHERE frequency = $1"

RECORD_DIGEST = """
INSERT INTO digests_sent (person_id, frequency, sent_at) VALUES ($1, $2, $3)
ON CONFLICT (person_id, frequency) DO UPDATE SET sent_at = EXCLUDED.sent_at
"""

# Their own records go; others' records of a people event about them (a colleague told they
# joined) keep the record and lose its context, which carried their name and address.
FORGET_INBOX = """
WITH gone AS (DELETE FROM inbox_sequences WHERE person_id = $1),
     digests AS (DELETE FROM digests_sent WHERE person_id = $1),
     mentions AS (
        UPDATE person_notifications SET context = '{}'::jsonb
        WHERE person_id <> $1 AND context -> 'event' ->> 'person_id' = $1::text
     )
DELETE FROM person_notifications WHERE person_id = $1
"""
