"""SQL of the routed-events log and of the advisory locks routing and people events share."""

# The first key of those advisory locks (the second is the key id's hash); the outbox relay's
# lanes use another.
ROUTING_LOCK_NAMESPACE = 0x0C11

# Keys come sorted, and are locked in that order: two transactions never wait on each other's
# keys in opposite orders.
HOLD_SHARED = """
SELECT count(pg_advisory_xact_lock_shared($1, hashtext(key::text)))
FROM unnest($2::uuid[]) AS key
"""
HOLD_EXCLUSIVE = """
SELECT count(pg_advisory_xact_lock($1, hashtext(key::text)))
FROM unnest($2::uuid[]) AS key
"""

# Each event's keys travel as one array literal ('{…}'): unnest cannot take an array of arrays
# of different lengths. The same statement drops a bounded batch of events routed longer ago than
# they are kept, skipping rows another transaction is already dropping: routing keeps the log
# about one retention period long, without a job or a round trip of its own.
KEEP_ROUTED_EVENTS = """
WITH dropped AS (
    DELETE FROM routed_events WHERE event_id IN (
        SELECT event_id FROM routed_events
        WHERE routed_at < now() - $6::interval
        ORDER BY routed_at
        LIMIT 500
        FOR UPDATE SKIP LOCKED
    )
)
INSERT INTO routed_events (event_id, event_type, payload, occurred_at, keys)
SELECT event_id, event_type, payload, occurred_at, keys::uuid[]
FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::timestamptz[], $5::text[])
    AS e (event_id, event_type, payload, occurred_at, keys)
ON CONFLICT (event_id) DO NOTHING
"""

ROUTED_SINCE = """
SELECT event_id, event_type, payload, occurred_at, keys FROM routed_events
WHERE occurred_at >= $1 AND keys && $2::uuid[]
ORDER BY occurred_at, event_id
"""

FORGET_MENTIONS = """
DELETE FROM routed_events WHERE $1::uuid = ANY(keys) OR strpos(payload::text, $1::text) > 0
"""
