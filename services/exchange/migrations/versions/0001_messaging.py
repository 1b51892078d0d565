"""Outbox and processed-events tables.

Revision ID: 0001
"""

from alembic import op

from cloth_shared.outbox.schema import (
    CREATE_OUTBOX,
    CREATE_PROCESSED_EVENTS,
    DROP_OUTBOX,
    DROP_PROCESSED_EVENTS,
)

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(CREATE_OUTBOX)
    op.execute(CREATE_PROCESSED_EVENTS)


def downgrade() -> None:
    op.execute(DROP_PROCESSED_EVENTS)
    op.execute(DROP_OUTBOX)
