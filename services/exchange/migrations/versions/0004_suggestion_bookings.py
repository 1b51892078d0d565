"""Bookings of an offer in a period, found through an index: the suggestion ranking (in SQL) looks
up each candidate offer's visitors in the wanted period.

Revision ID: 0004
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE INDEX exchanges_booking_offer ON exchanges (hosting_offer_id, first_day, last_day)
        WHERE hosting_offer_id IS NOT NULL AND state NOT IN ('declined', 'cancelled');
    """)


def downgrade() -> None:
    op.execute("DROP INDEX exchanges_booking_offer")
