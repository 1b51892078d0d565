"""Every SQL statement of the e-mail channel, named; the column list spelled once."""

DELIVERY_COLUMNS = (
    "id, notification_id, person_id, to_address, language, template, context, status, attempts,"
    " next_attempt_at, last_error, created_at, sent_at"
)

# Either unique key taken (the id, derived from the event for account e-mails; the notification,
# one row per record) means the row is already there: a redelivery or replay stores nothing.
INSERT_DELIVERY = """
INSERT INTO email_deliveries (
    id, notification_id, person_id, to_address, language, template, context, created_at
)
VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8, now()))
ON CONFLICT DO NOTHING
"""

GET_DELIVERY = f"SELECT {DELIVERY_COLUMNS} FROM email_deliveries WHERE id = $1"

# Pending rows whose time came and 'sending' rows whose lease ran out (next_attempt_at is the
# lease's end while sending), oldest first; rows another sender is claiming are skipped.
CLAIM_DUE = f"""
WITH due AS (
    SELECT id FROM email_deliveries
    WHERE status IN ('pending', 'sending') AND next_attempt_at <= now()
    ORDER BY next_attempt_at, id
    LIMIT $1
    FOR UPDATE SKIP LOCKED
)
UPDATE email_deliveries AS d
SET status = 'sending', attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
FROM due
WHERE d.id = due.id
RETURNING {", ".join(f"d.{column.strip()}" for column in DELIVERY_COLUMNS.split(","))}
"""

# Each of these changes the row only if the caller's claim still holds it: a sender whose lease
# ran out (and whose row another sender reclaimed, with one more attempt) changes nothing.
# A finished delivery whose context carried a secret (a verification link) keeps no context.
MARK_SENT = """
UPDATE email_deliveries
SET status = 'sent', sent_at = now(), last_error = NULL,
    context = CASE WHEN template = ANY($3::text[]) THEN '{}'::jsonb ELSE context END
WHERE id = $1 AND status = 'sending' AND attempts = $2
"""

RETRY_LATER = """
UPDATE email_deliveries
SET status = 'pending', last_error = $3, next_attempt_at = now() + make_interval(secs => $4)
WHERE id = $1 AND status = 'sending' AND attempts = $2
"""

MARK_FAILED = """
UPDATE email_deliveries
SET status = 'failed', last_error = $3,
    context = CASE WHEN template = ANY($4::text[]) THEN '{}'::jsonb ELSE context END
WHERE id = $1 AND status = 'sending' AND attempts = $2
"""

# A row refused because its address was not verified when the sender looked: decided again now,
# under the person's verification lock (LOCK_VERIFICATION, also taken by REMEMBER_VERIFIED's
# caller), so a verification committing meanwhile cannot miss it: still unverified, it fails
# (and that verification's RESEND_REFUSED, which waited for the lock, brings it back); verified
# by now, it is given back, due at once.
REFUSE_UNVERIFIED = """
UPDATE email_deliveries AS d
SET status = CASE WHEN verified.yes THEN 'pending' ELSE 'failed' END,
    last_error = CASE WHEN verified.yes THEN NULL ELSE $3 END,
    attempts = CASE WHEN verified.yes THEN d.attempts - 1 ELSE d.attempts END,
    next_attempt_at = now()
FROM (
    SELECT EXISTS (
        SELECT 1 FROM verified_email_addresses v JOIN email_deliveries r
          ON v.person_id = r.person_id AND lower(v.email) = lower(r.to_address)
        WHERE r.id = $1
    ) AS yes
) AS verified
WHERE d.id = $1 AND d.status = 'sending' AND d.attempts = $2
"""

# Held until commit: a person's verification and the sender's refusal of their mail, one at a time.
LOCK_VERIFICATION = "SELECT pg_advisory_xact_lock(hashtextextended('verified-address:' || $1::uuid::text, 0))"

RELEASE = """
UPDATE email_deliveries SET status = 'pending', attempts = attempts - 1, next_attempt_at = now()
WHERE id = $1 AND status = 'sending' AND attempts = $2
"""

# What is not yet sent will never be: the address it was for is gone. Mail to others about them
# keeps its address and loses its context (which named them); unsent, it is not sent either.
ANONYMISE_FOR_PERSON = """
WITH mentions AS (
    UPDATE email_deliveries SET context = '{}'::jsonb,
        status = CASE WHEN status IN ('pending', 'sending') THEN 'failed' ELSE status END,
        last_error = CASE WHEN status IN ('pending', 'sending') THEN 'the person it was about was erased'
                          ELSE last_error END
    WHERE person_id IS DISTINCT FROM $1 AND context -> 'event' ->> 'person_id' = $1::text
)
UPDATE email_deliveries SET
    person_id = NULL, to_address = 'erased', context = '{}'::jsonb,
    status = CASE WHEN status IN ('pending', 'sending') THEN 'failed' ELSE status END,
    last_error = CASE WHEN status IN ('pending', 'sending') THEN 'recipient erased' ELSE last_error END
WHERE person_id = $1
"""

FOR_PERSON = f"SELECT {DELIVERY_COLUMNS} FROM email_deliveries WHERE person_id = $1 ORDER BY created_at, id"

RESEND_REFUSED = """
UPDATE email_deliveries SET status = 'pending', next_attempt_at = now(), last_error = NULL
WHERE person_id = $1 AND lower(to_address) = lower($2) AND status = 'failed' AND last_error = $3
  AND created_at >= $4
"""

# A later verification wins; an older one arriving late (a replay) changes nothing.
REMEMBER_VERIFIED = """
INSERT INTO verified_email_addresses (person_id, email, verified_at) VALUES ($1, $2, $3)
ON CONFLICT (person_id) DO UPDATE SET email = EXCLUDED.email, verified_at = EXCLUDED.verified_at
WHERE verified_email_addresses.verified_at <= EXCLUDED.verified_at
"""

FORGET_VERIFIED = "DELETE FROM verified_email_addresses WHERE person_id = $1"

VERIFIED_AMONG = """
SELECT candidate.person_id, candidate.email
FROM unnest($1::uuid[], $2::text[]) AS candidate (person_id, email)
JOIN verified_email_addresses AS verified
  ON verified.person_id = candidate.person_id AND lower(verified.email) = lower(candidate.email)
"""
