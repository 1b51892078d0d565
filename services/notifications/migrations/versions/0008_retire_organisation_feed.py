"""The organisation-level feed (`GET /notifications`, one record per organisation) is retired for
the person inbox (`person_notifications`): its table goes. Downgrading brings back the empty table.

Revision ID: 0008
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DROP TABLE IF EXISTS notifications;")


def downgrade() -> None:
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
        UNIQUE (source_event_id, kind)
    );
    CREATE INDEX notifications_by_recipient ON notifications (organisation_id, created_at DESC, id);
    """)
