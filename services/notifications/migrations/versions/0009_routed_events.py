"""The routed-events log: each routed event kept a day, for people the directory learns of late
(domain/routed_events.py).

Revision ID: 0009
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE routed_events (
        event_id    uuid PRIMARY KEY,
        event_type  text NOT NULL,
        payload     jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        -- The ids its audiences were looked up by (domain/routed_events.py: keys).
        keys        uuid[] NOT NULL,
        routed_at   timestamptz NOT NULL DEFAULT now()
    );
    -- A people event reads what occurred since it; the log is pruned by age.
    CREATE INDEX routed_events_by_occurrence ON routed_events (occurred_at);
    CREATE INDEX routed_events_by_age ON routed_events (routed_at);
    """)


def downgrade() -> None:
    op.execute("DROP TABLE routed_events;")
