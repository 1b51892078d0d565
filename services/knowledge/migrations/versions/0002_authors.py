"""Authors knowledge credits for resources, fed by membership's people events.

Revision ID: 0002
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE authors (
        person_id       uuid PRIMARY KEY,
        display_name    text NOT NULL,
        organisation_id uuid,
        updated_at      timestamptz NOT NULL,
        -- An erased author keeps its row, so resources still say "erased person".
        erased          boolean NOT NULL DEFAULT false
    );
    """)


def downgrade() -> None:
    op.execute("DROP TABLE authors;")
