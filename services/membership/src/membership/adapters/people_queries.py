"""SQL of people, invitations, partner clients and sign-in attempts, named."""

from membership.adapters.sql import assignments, columns, placeholders

# --- people -----------------------------------------------------------------------------------

PERSON_COLUMNS = (
    "id",
    "email",
    "display_name",
    "language",
    "password_hash",
    "created_at",
    "role",
    "organisation_id",
    "cluster_id",
    "status",
    "erased_at",
    "tokens_valid_from",
)

# When a person signed up never changes.
PERSON_UPDATE_COLUMNS = tuple(c for c in PERSON_COLUMNS if c not in ("id", "created_at"))

INSERT_PERSON = f"""
INSERT INTO people ({columns(PERSON_COLUMNS)}) VALUES ({placeholders(PERSON_COLUMNS)})
ON CONFLICT (lower(email)) WHERE email IS NOT NULL DO NOTHING
RETURNING id
"""

GET_PERSON = f"SELECT {columns(PERSON_COLUMNS)} FROM people WHERE id = $1"

GET_PERSON_FOR_UPDATE = f"{GET_PERSON} FOR UPDATE"

GET_PERSON_BY_EMAIL = f"SELECT {columns(PERSON_COLUMNS)} FROM people WHERE lower(email) = lower($1)"

UPDATE_PERSON = f"UPDATE people SET {assignments(PERSON_UPDATE_COLUMNS, first=2)} WHERE id = $1"

LIST_PEOPLE_OF_ORGANISATION = f"""
SELECT {columns(PERSON_COLUMNS)} FROM people WHERE organisation_id = $1 ORDER BY display_name, id
"""

# Ordered, so two transactions locking the same holders never wait on each other in a cycle.
LOCK_ROLE_HOLDERS = """
SELECT id FROM people WHERE role = $1 AND organisation_id IS NOT DISTINCT FROM $2 ORDER BY id FOR UPDATE
"""

# Erasure: the person's events not yet published are dropped (PersonErased and a tombstone
# follow them), and the published ones kept for the relay's retention lose the personal fields.
DROP_UNPUBLISHED_PERSON_EVENTS = """
DELETE FROM outbox
WHERE message_key = $1 AND published_at IS NULL AND event_type IN ('PersonJoined', 'PersonRoleChanged')
"""

REDACT_PUBLISHED_PERSON_EVENTS = """
UPDATE outbox SET envelope = envelope #- '{payload,person,email}' #- '{payload,person,display_name}'
WHERE message_key = $1 AND event_type IN ('PersonJoined', 'PersonRoleChanged')
"""

# --- invitations ------------------------------------------------------------------------------

INVITATION_COLUMNS = (
    "id",
    "email",
    "role",
    "invited_by",
    "token_hash",
    "created_at",
    "organisation_id",
    "cluster_id",
    "accepted_at",
)

INSERT_INVITATION = (
    f"INSERT INTO invitations ({columns(INVITATION_COLUMNS)}) VALUES ({placeholders(INVITATION_COLUMNS)})"
)

GET_INVITATION_BY_TOKEN_FOR_UPDATE = (
    f"SELECT {columns(INVITATION_COLUMNS)} FROM invitations WHERE token_hash = $1 FOR UPDATE"
)

ACCEPT_INVITATION = "UPDATE invitations SET accepted_at = $2 WHERE id = $1"

LIST_INVITATIONS_SENT_BY = (
    f"SELECT {columns(INVITATION_COLUMNS)} FROM invitations WHERE invited_by = $1 ORDER BY created_at, id"
)

# Invitations name an email: erasing its owner forgets the ones sent to them as well.
DELETE_INVITATIONS_TO = "DELETE FROM invitations WHERE lower(email) = lower($1)"

# --- partner clients --------------------------------------------------------------------------

CLIENT_COLUMNS = ("id", "name", "secret_hash", "scopes", "created_by", "created_at", "revoked_at")

INSERT_CLIENT = (
    f"INSERT INTO partner_clients ({columns(CLIENT_COLUMNS)}) VALUES ({placeholders(CLIENT_COLUMNS)})"
)

GET_ACTIVE_CLIENT = (
    f"SELECT {columns(CLIENT_COLUMNS)} FROM partner_clients WHERE id = $1 AND revoked_at IS NULL"
)

# --- sign-in attempts -------------------------------------------------------------------------

# Serialises sign-ins to one account across replicas, so parallel guesses cannot all slip
# under the limit before any failure is recorded.
LOCK_ACCOUNT = "SELECT pg_advisory_xact_lock(hashtextextended($1, 7))"

ACCOUNT_FAILURES_SINCE = """
SELECT attempted_at, client_address FROM login_attempts
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

# Every account's, so attempts on addresses nobody signs in with again do not stay either.
PURGE_ATTEMPTS = "DELETE FROM login_attempts WHERE attempted_at < $1"

# --- sessions ---------------------------------------------------------------------------------

SESSION_COLUMNS = ("id", "person_id", "started_at", "expires_at", "refresh_token_hash", "revoked_at")

INSERT_SESSION = f"INSERT INTO sessions ({columns(SESSION_COLUMNS)}) VALUES ({placeholders(SESSION_COLUMNS)})"

GET_SESSION = f"SELECT {columns(SESSION_COLUMNS)} FROM sessions WHERE id = $1"

# Any refresh token the session ever had finds it: a rotated one is how reuse is detected.
GET_SESSION_BY_REFRESH_TOKEN_FOR_UPDATE = f"""
SELECT {columns(tuple(f"s.{c}" for c in SESSION_COLUMNS))}
FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
WHERE t.token_hash = $1
FOR UPDATE OF s
"""

UPDATE_SESSION = "UPDATE sessions SET refresh_token_hash = $2, revoked_at = $3 WHERE id = $1"

INSERT_REFRESH_HASH = """
INSERT INTO refresh_tokens (token_hash, session_id) VALUES ($1, $2) ON CONFLICT DO NOTHING
"""

REVOKE_SESSIONS_OF = "UPDATE sessions SET revoked_at = $2 WHERE person_id = $1 AND revoked_at IS NULL"

# Ended sessions are kept for a day (a late reuse is still recognised), then forgotten.
PURGE_SESSIONS = "DELETE FROM sessions WHERE expires_at < $1 OR revoked_at < $1"
