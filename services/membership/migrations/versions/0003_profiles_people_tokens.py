"""Organisation profiles, people and roles, invitations, partner clients, sign-in attempts.

Revision ID: 0003
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    ALTER TABLE organisations
        ADD COLUMN value_chains   text[] NOT NULL DEFAULT '{}',
        ADD COLUMN size_band      text CHECK (size_band IN ('micro', 'small', 'medium', 'large')),
        ADD COLUMN activities     text[] NOT NULL DEFAULT '{}',
        ADD COLUMN certifications text[] NOT NULL DEFAULT '{}',
        ADD COLUMN languages      text[] NOT NULL DEFAULT '{}',
        ADD COLUMN website        text,
        ADD COLUMN description    text,
        ADD COLUMN decided_by     uuid;
    -- The directory lists active organisations in a stable order.
    CREATE INDEX organisations_directory ON organisations (status, legal_name, id);
    CREATE INDEX organisations_by_country ON organisations (country, region) WHERE status = 'active';

    CREATE TABLE people (
        id             uuid PRIMARY KEY,
        email          text,
        display_name   text,
        language       char(2) NOT NULL,
        password_hash  text,
        role           text CHECK (role IN
            ('platform_admin', 'cluster_manager', 'organisation_admin', 'organisation_member')),
        organisation_id uuid REFERENCES organisations (id),
        cluster_id     uuid REFERENCES clusters (id),
        status         text NOT NULL CHECK (status IN ('active', 'erased')),
        created_at     timestamptz NOT NULL,
        erased_at      timestamptz,
        CHECK (status = 'erased' OR email IS NOT NULL)
    );
    CREATE UNIQUE INDEX people_email ON people (lower(email)) WHERE email IS NOT NULL;
    CREATE INDEX people_by_organisation ON people (organisation_id) WHERE organisation_id IS NOT NULL;

    CREATE TABLE invitations (
        id              uuid PRIMARY KEY,
        email           text NOT NULL,
        role            text NOT NULL,
        organisation_id uuid REFERENCES organisations (id),
        cluster_id      uuid REFERENCES clusters (id),
        invited_by      uuid NOT NULL REFERENCES people (id),
        token_hash      text NOT NULL UNIQUE,
        created_at      timestamptz NOT NULL,
        accepted_at     timestamptz
    );

    CREATE TABLE partner_clients (
        id          uuid PRIMARY KEY,
        name        text NOT NULL,
        secret_hash text NOT NULL,
        scopes      text[] NOT NULL DEFAULT '{}',
        created_by  uuid NOT NULL REFERENCES people (id),
        created_at  timestamptz NOT NULL,
        revoked_at  timestamptz
    );

    -- Shared by every replica, so the sign-in limit holds however requests are balanced.
    -- account_key is a hash of the email, not the email itself.
    CREATE TABLE login_attempts (
        account_key    text NOT NULL,
        client_address text NOT NULL,
        succeeded      boolean NOT NULL,
        attempted_at   timestamptz NOT NULL
    );
    CREATE INDEX login_attempts_by_account ON login_attempts (account_key, attempted_at);
    CREATE INDEX login_attempts_by_address ON login_attempts (client_address, attempted_at);
    """)


def downgrade() -> None:
    op.execute("""
    DROP TABLE login_attempts; DROP TABLE partner_clients; DROP TABLE invitations; DROP TABLE people;
    DROP INDEX organisations_by_country; DROP INDEX organisations_directory;
    ALTER TABLE organisations DROP COLUMN value_chains, DROP COLUMN size_band, DROP COLUMN activities,
        DROP COLUMN certifications, DROP COLUMN languages, DROP COLUMN website, DROP COLUMN description,
        DROP COLUMN decided_by;
    """)
