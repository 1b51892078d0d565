"""A verification link may ask to change the account's address: `replaces_email` is the address
the person had when they asked; opening the link makes the new one the account's.

Revision ID: 0007
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE email_verifications ADD COLUMN replaces_email text")


def downgrade() -> None:
    op.execute("ALTER TABLE email_verifications DROP COLUMN replaces_email")
