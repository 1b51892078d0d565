"""Recipients, organisations' home clusters, per-person notification records, e-mail deliveries,
preferences and digests.

Revision ID: 0004
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE recipients (
        person_id       uuid PRIMARY KEY,
        display_name    text NOT NULL,
        email           text NOT NULL,
        language        text NOT NULL,
        roles           text[] NOT NULL,
        organisation_id uuid,
        cluster_id      uuid,
        email_verified  boolean NOT NULL DEFAULT true,
        timezone        text NOT NULL DEFAULT 'Europe/Madrid',
        known_since     timestamptz
    );
    CREATE INDEX recipients_by_organisation ON recipients (organisation_id) WHERE organisation_id IS NOT NULL;
    CREATE INDEX recipients_by_cluster ON recipients (cluster_id) WHERE cluster_id IS NOT NULL;

    CREATE TABLE member_organisations (
        organisation_id uuid PRIMARY KEY,
        cluster_id      uuid NOT NULL,
        legal_name      text NOT NULL
    );

    -- One record per (event, person, channel): the key that makes redelivery, a crash and a
    -- replay from the first offset leave no second notification or e-mail.
    CREATE TABLE person_notifications (
        id          uuid PRIMARY KEY,
        person_id   uuid NOT NULL,
        event_id    uuid NOT NULL,
        event_type  text NOT NULL,
        category    text NOT NULL,
        channel     text NOT NULL CHECK (channel IN ('in_app', 'email')),
        frequency   text NOT NULL CHECK (frequency IN ('immediate', 'daily_digest', 'weekly_digest')),
        title       text NOT NULL,
        context     jsonb NOT NULL,
        created_at  timestamptz NOT NULL,
        sequence    bigint NOT NULL,
        read_at     timestamptz,
        archived_at timestamptz,
        digest_id   uuid,
        UNIQUE (event_id, person_id, channel)
    );
    CREATE INDEX person_notifications_inbox ON person_notifications (person_id, sequence DESC)
        WHERE channel = 'in_app';
    CREATE INDEX person_notifications_unread ON person_notifications (person_id)
        WHERE channel = 'in_app' AND read_at IS NULL AND archived_at IS NULL;
    CREATE INDEX person_notifications_to_digest ON person_notifications (frequency, person_id)
        WHERE channel = 'email' AND frequency <> 'immediate' AND digest_id IS NULL;

    -- A row per person, locked by each new record: a person's sequence grows in commit order,
    -- so a stream that resumed after id N never misses a record committed later below N.
    CREATE TABLE inbox_sequences (
        person_id     uuid PRIMARY KEY,
        last_sequence bigint NOT NULL
    );

    CREATE TABLE email_deliveries (
        id              uuid PRIMARY KEY,
        notification_id uuid NULL,
        person_id       uuid NULL,
        to_address      text NOT NULL,
        language        text NOT NULL,
        template        text NOT NULL,
        context         jsonb NOT NULL,
        status          text NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        attempts        int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error      text NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        sent_at         timestamptz NULL,
        UNIQUE (notification_id)
    );
    CREATE INDEX email_deliveries_due ON email_deliveries (status, next_attempt_at);
    CREATE INDEX email_deliveries_by_person ON email_deliveries (person_id) WHERE person_id IS NOT NULL;

    CREATE TABLE notification_preferences (
        person_id uuid NOT NULL,
        category  text NOT NULL,
        channel   text NOT NULL CHECK (channel IN ('in_app', 'email')),
        frequency text NOT NULL CHECK (frequency IN ('immediate', 'daily_digest', 'weekly_digest', 'off')),
        PRIMARY KEY (person_id, category, channel)
    );

    CREATE TABLE digests_sent (
        person_id uuid NOT NULL,
        frequency text NOT NULL,
        sent_at   timestamptz NOT NULL,
        PRIMARY KEY (person_id, frequency)
    );
    """)


def downgrade() -> None:
    op.execute("""
    DROP TABLE digests_sent;
    DROP TABLE notification_preferences;
    DROP TABLE email_deliveries;
    DROP TABLE inbox_sequences;
    DROP TABLE person_notifications;
    DROP TABLE member_organisations;
    DROP TABLE recipients;
    """)
