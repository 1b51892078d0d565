"""One rule for verified addresses: the sender's (`verified_email_addresses`, fed by membership's
EmailAddressVerified). The directory's own flag, never fed and always true, goes.

Revision ID: 0007
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE recipients DROP COLUMN email_verified;")


def downgrade() -> None:
    op.execute("ALTER TABLE recipients ADD COLUMN email_verified boolean NOT NULL DEFAULT true;")
