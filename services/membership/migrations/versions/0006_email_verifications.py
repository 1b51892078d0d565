"""E-mail verifications: a single-use link token per new or changed address, kept as a hash.

A row is used once (`used_at`), before `expires_at`; the address counts as verified while the
person's current e-mail is the one of a used row.

Revision ID: 0006
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE email_verifications (
        token_hash  text PRIMARY KEY,
        person_id   uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        email       text NOT NULL,
        created_at  timestamptz NOT NULL,
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz
    );
    CREATE INDEX email_verifications_by_person ON email_verifications (person_id, used_at);
    """)


def downgrade() -> None:
    op.execute("DROP TABLE email_verifications;")
