"""Sign-in sessions with rotating refresh tokens, and when a person's tokens start to count.

Revision ID: 0004
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    -- Tokens issued before this instant are refused (password changed, signed out everywhere).
    ALTER TABLE people ADD COLUMN tokens_valid_from timestamptz;

    -- Attempts older than the window are purged across all accounts.
    CREATE INDEX login_attempts_by_time ON login_attempts (attempted_at);

    CREATE TABLE sessions (
        id                 uuid PRIMARY KEY,
        person_id          uuid NOT NULL REFERENCES people (id),
        started_at         timestamptz NOT NULL,
        expires_at         timestamptz NOT NULL,
        refresh_token_hash text NOT NULL,
        revoked_at         timestamptz
    );
    CREATE INDEX sessions_by_person ON sessions (person_id) WHERE revoked_at IS NULL;
    CREATE INDEX sessions_by_expiry ON sessions (expires_at);

    -- Every refresh token a session ever had, hashed: presenting one that was rotated away
    -- (a stolen copy) is recognised, and ends the session.
    CREATE TABLE refresh_tokens (
        token_hash text PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE
    );
    """)


def downgrade() -> None:
    op.execute("""
    DROP TABLE refresh_tokens; DROP TABLE sessions; DROP INDEX login_attempts_by_time;
    ALTER TABLE people DROP COLUMN tokens_valid_from;
    """)
