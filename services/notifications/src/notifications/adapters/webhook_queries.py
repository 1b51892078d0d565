"""Every SQL statement of partner webhooks, named; column lists spelled once."""

SUBSCRIPTION_COLUMNS = (
    "id",
    "client_id",
    "target_url",
    "event_types",
    "secret",
    "contact_email",
    "status",
    "created_at",
    "disabled_at",
    "disabled_reason",
    "previous_secret",
    "previous_secret_until",
)
DELIVERY_COLUMNS = (
    "id",
    "subscription_id",
    "client_id",
    "event_id",
    "event_type",
    "subject_key",
    "body",
    "status",
    "attempts",
    "next_attempt_at",
    "created_at",
    "last_response_code",
    "finished_at",
)
ATTEMPT_COLUMNS = ("delivery_id", "number", "at", "succeeded", "response_code", "latency_ms", "error")


def _columns(names: tuple[str, ...], alias: str = "") -> str:
    return ", ".join(f"{alias}{name}" for name in names)


def _placeholders(names: tuple[str, ...]) -> str:
    return ", ".join(f"${i}" for i in range(1, len(names) + 1))


SUBSCRIPTION_FIELDS = _columns(SUBSCRIPTION_COLUMNS)
DELIVERY_FIELDS = _columns(DELIVERY_COLUMNS)

INSERT_SUBSCRIPTION = f"""
INSERT INTO webhook_subscriptions ({SUBSCRIPTION_FIELDS}) VALUES ({_placeholders(SUBSCRIPTION_COLUMNS)})
"""
GET_SUBSCRIPTION = f"SELECT {SUBSCRIPTION_FIELDS} FROM webhook_subscriptions WHERE id = $1"
GET_SUBSCRIPTION_FOR_UPDATE = GET_SUBSCRIPTION + " FOR UPDATE"
SAVE_SUBSCRIPTION = """
UPDATE webhook_subscriptions
SET status = $2, disabled_at = $3, disabled_reason = $4,
    secret = $5, previous_secret = $6, previous_secret_until = $7
WHERE id = $1
"""
DELETE_SUBSCRIPTION = "DELETE FROM webhook_subscriptions WHERE id = $1"
LIST_SUBSCRIPTIONS = f"""
SELECT {SUBSCRIPTION_FIELDS} FROM webhook_subscriptions
WHERE $1::uuid IS NULL OR client_id = $1
ORDER BY created_at, id LIMIT $2 OFFSET $3
"""
MATCHING_SUBSCRIPTIONS = f"""
SELECT {SUBSCRIPTION_FIELDS} FROM webhook_subscriptions
WHERE status = 'active' AND event_types @> ARRAY[$1::text]
"""
ANY_MATCHING_SUBSCRIPTION = """
SELECT EXISTS (SELECT 1 FROM webhook_subscriptions WHERE status = 'active' AND event_types && $1::text[])
"""
INSERT_NOTICE = """
INSERT INTO webhook_contact_notices (subscription_id, contact_email, subject, text, created_at)
VALUES ($1, $2, $3, $4, $5)
"""

INSERT_DELIVERY = f"""
INSERT INTO webhook_deliveries ({DELIVERY_FIELDS}) VALUES ({_placeholders(DELIVERY_COLUMNS)})
ON CONFLICT (event_id, subscription_id) DO NOTHING
"""
GET_DELIVERY = f"SELECT {DELIVERY_FIELDS} FROM webhook_deliveries WHERE id = $1"
GET_DELIVERY_FOR_UPDATE = GET_DELIVERY + " FOR UPDATE"
SAVE_DELIVERY = """
UPDATE webhook_deliveries
SET status = $2, attempts = $3, next_attempt_at = $4, last_response_code = $5, finished_at = $6
WHERE id = $1
"""
INSERT_ATTEMPT = (
    f"INSERT INTO webhook_attempts ({_columns(ATTEMPT_COLUMNS)}) VALUES ({_placeholders(ATTEMPT_COLUMNS)})"
)
LIST_ATTEMPTS = f"SELECT {_columns(ATTEMPT_COLUMNS)} FROM webhook_attempts WHERE delivery_id = $1 ORDER BY id"
LIST_DELIVERIES = f"""
SELECT {DELIVERY_FIELDS} FROM webhook_deliveries WHERE subscription_id = $1
ORDER BY created_at DESC, id LIMIT $2 OFFSET $3
"""
# SKIP LOCKED: dispatchers in several processes each take different rows; the claim itself is
# a lease (next_attempt_at moved past the send's timeout), so a crashed dispatcher's rows return.
CLAIM_DUE = f"""
UPDATE webhook_deliveries AS d SET next_attempt_at = $2 + make_interval(secs => $3)
WHERE d.id IN (
    SELECT due.id FROM webhook_deliveries AS due
    JOIN webhook_subscriptions AS s ON s.id = due.subscription_id AND s.status = 'active'
    WHERE due.status = 'pending' AND due.next_attempt_at <= $2
    ORDER BY due.next_attempt_at
    LIMIT $1
    FOR UPDATE OF due SKIP LOCKED
)
RETURNING {_columns(DELIVERY_COLUMNS, "d.")}
"""
# The envelope stays (ids, type, time): what happened; the payload, who it was about, goes.
REDACT_SUBJECT = """
UPDATE webhook_deliveries
SET body = jsonb_set(body::jsonb, '{data,payload}', '{"redacted": true}'::jsonb)::text
WHERE subject_key = $1 AND body::jsonb #> '{data,payload,redacted}' IS NULL
"""
REPLAY_SINCE = """
UPDATE webhook_deliveries
SET status = 'pending', attempts = 0, next_attempt_at = $3, finished_at = NULL
WHERE subscription_id = $1 AND created_at >= $2
"""
