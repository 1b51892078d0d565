"""In-app notifications addressed to an organisation.

Revision ID: 0002
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE notifications (
        id              uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        kind            text NOT NULL,
        title           text NOT NULL,
        body            text NOT NULL,
        source_event_id uuid NOT NULL,
        created_at      timestamptz NOT NULL,
        read_at         timestamptz,
        -- One notification of a kind per source event, whatever happens to the inbox.
        UNIQUE (source_event_id, kind)
    );
    CREATE INDEX notifications_by_recipient ON notifications (organisation_id, created_at DESC, id);
    """)


def downgrade() -> None:
    op.execute("DROP TABLE notifications;")
