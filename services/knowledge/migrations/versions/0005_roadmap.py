"""Regional analyses and the cooperation roadmap: each aggregate a row, its nested values as JSON.

Revision ID: 0005
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE regional_analyses (
        region_code text NOT NULL,
        year        integer NOT NULL,
        revision    integer NOT NULL CHECK (revision >= 1),
        written_at  timestamptz NOT NULL,
        document    jsonb NOT NULL,
        PRIMARY KEY (region_code, year)
    );

    -- Every version is kept; the one in force is the latest with approved_at set.
    CREATE TABLE partnership_strategy_versions (
        number      integer PRIMARY KEY CHECK (number >= 1),
        approved_at timestamptz,
        document    jsonb NOT NULL
    );

    CREATE TABLE cluster_strategies (
        cluster_id uuid PRIMARY KEY,
        revision   integer NOT NULL CHECK (revision >= 1),
        document   jsonb NOT NULL
    );

    CREATE TABLE cluster_certifications (
        cluster_id uuid PRIMARY KEY,
        revision   integer NOT NULL CHECK (revision >= 1),
        document   jsonb NOT NULL
    );
    """)


def downgrade() -> None:
    op.execute("""
    DROP TABLE cluster_certifications;
    DROP TABLE cluster_strategies;
    DROP TABLE partnership_strategy_versions;
    DROP TABLE regional_analyses;
    """)
