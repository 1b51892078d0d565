"""Clusters (the five alliance clusters seeded) and organisations with their applications.

Revision ID: 0002
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE clusters (
        id          uuid PRIMARY KEY,
        name        text NOT NULL UNIQUE,
        short_name  text NOT NULL UNIQUE,
        country     char(2) NOT NULL,
        home_region text NOT NULL,
        city        text NOT NULL,
        latitude    double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude   double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        created_at  timestamptz NOT NULL DEFAULT now()
    );

    INSERT INTO clusters (id, name, short_name, country, home_region, city, latitude, longitude) VALUES
    ('0b1c0000-0000-4000-8000-000000000001', 'Modacc - Catalan textile and fashion cluster', 'Modacc',
        'ES', 'Catalonia', 'Igualada', 41.5789, 1.6172),
    ('0b1c0000-0000-4000-8000-000000000002', 'Bulgarian Fashion Association', 'BFA',
        'BG', 'Ruse', 'Ruse', 43.8356, 25.9657),
    ('0b1c0000-0000-4000-8000-000000000003', 'EA Eco-entreprises', 'EA',
        'FR', 'Provence-Alpes-Cote d''Azur', 'Marseille', 43.2965, 5.3698),
    ('0b1c0000-0000-4000-8000-000000000004', 'ICONIC cluster', 'ICONIC',
        'RO', 'North-East', 'Iasi', 47.1585, 27.6014),
    ('0b1c0000-0000-4000-8000-000000000005', 'Lifestyle & Design Cluster', 'LDC',
        'DK', 'Central Denmark', 'Herning', 56.1393, 8.9738);

    CREATE TABLE organisations (
        id                  uuid PRIMARY KEY,
        legal_name          text NOT NULL,
        category            text NOT NULL CHECK (category IN
            ('sme', 'cluster_organisation', 'support_organisation', 'large_company', 'public_body')),
        cluster_id          uuid NOT NULL REFERENCES clusters (id),
        country             char(2) NOT NULL,
        region              text,
        city                text,
        latitude            double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude           double precision CHECK (longitude BETWEEN -180 AND 180),
        registration_number text NOT NULL UNIQUE,
        status              text NOT NULL
            CHECK (status IN ('pending', 'active', 'rejected', 'suspended', 'left')),
        rejection_reason    text,
        applied_at          timestamptz NOT NULL,
        decided_at          timestamptz,
        version             integer NOT NULL DEFAULT 1
    );
    CREATE INDEX organisations_by_cluster_status ON organisations (cluster_id, status);
    """)


def downgrade() -> None:
    op.execute("DROP TABLE organisations; DROP TABLE clusters;")
