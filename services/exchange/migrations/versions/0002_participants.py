"""The people exchange knows of, fed by membership's people events.

Revision ID: 0002
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE participants (
        person_id       uuid PRIMARY KEY,
        display_name    text NOT NULL,
        email           text NOT NULL,
        language        text NOT NULL,
        role            text,
        organisation_id uuid,
        cluster_id      uuid,
        updated_at      timestamptz NOT NULL
    );
    CREATE INDEX participants_by_organisation ON participants (organisation_id);
    CREATE INDEX participants_by_cluster ON participants (cluster_id);
    """)


def downgrade() -> None:
    op.execute("DROP TABLE participants;")
