"""Learner profiles: what an organisation's learning plan is matched on.

Fed by membership's organisation events (category, value chains, languages) and exchange's
`ExchangeCompleted` (what the visitor went to learn). The plan itself is read through the profile
at request time (domain/learning_plans.py), so nothing else is stored.

Revision ID: 0008
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE learner_profiles (
        organisation_id     uuid PRIMARY KEY,
        category            text NOT NULL,
        value_chains        text[] NOT NULL DEFAULT '{}',
        languages           text[] NOT NULL DEFAULT '{}',
        exchange_activities text[] NOT NULL DEFAULT '{}',
        -- When membership last described the organisation; NULL while only exchange has.
        described_at        timestamptz
    );
    """)


def downgrade() -> None:
    op.execute("DROP TABLE learner_profiles;")
