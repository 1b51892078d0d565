"""Addresses people proved are theirs (membership's EmailAddressVerified): the sender sends an
address nothing but account e-mails until it is here.

Revision ID: 0006
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE verified_email_addresses (
        person_id   uuid PRIMARY KEY,
        email       text NOT NULL,
        verified_at timestamptz NOT NULL
    );
    """)


def downgrade() -> None:
    op.execute("DROP TABLE verified_email_addresses;")
