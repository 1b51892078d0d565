"""Partner webhooks: subscriptions, one delivery per (event, subscription), every attempt logged.

Revision ID: 0005
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE webhook_subscriptions (
        id              uuid PRIMARY KEY,
        client_id       uuid NOT NULL,
        target_url      text NOT NULL,
        event_types     text[] NOT NULL,
        secret          text NOT NULL,
        contact_email   text NOT NULL,
        status          text NOT NULL CHECK (status IN ('active', 'disabled')),
        created_at      timestamptz NOT NULL,
        disabled_at     timestamptz,
        disabled_reason text,
        previous_secret text,
        previous_secret_until timestamptz
    );
    CREATE INDEX webhook_subscriptions_by_client ON webhook_subscriptions (client_id, created_at, id);
    CREATE INDEX webhook_subscriptions_by_event_type ON webhook_subscriptions USING gin (event_types)
        WHERE status = 'active';

    CREATE TABLE webhook_deliveries (
        id                 uuid PRIMARY KEY,
        subscription_id    uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
        client_id          uuid NOT NULL,
        event_id           uuid NOT NULL,
        event_type         text NOT NULL,
        subject_key        text NOT NULL,
        body               text NOT NULL,
        status             text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts           integer NOT NULL DEFAULT 0,
        next_attempt_at    timestamptz,
        created_at         timestamptz NOT NULL,
        last_response_code integer,
        finished_at        timestamptz,
        -- Redelivery, a crash mid-handler or a replay of the topic adds no second delivery.
        UNIQUE (event_id, subscription_id)
    );
    CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
    CREATE INDEX webhook_deliveries_by_subject ON webhook_deliveries (subject_key);
    CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries (subscription_id, created_at DESC);

    CREATE TABLE webhook_attempts (
        id            bigserial PRIMARY KEY,
        delivery_id   uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
        number        integer NOT NULL,
        at            timestamptz NOT NULL,
        succeeded     boolean NOT NULL,
        response_code integer,
        latency_ms    double precision NOT NULL,
        error         text
    );
    CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, id);

    -- What the partner's contact is told (a subscription disabled), sent by the e-mail channel.
    CREATE TABLE webhook_contact_notices (
        id              bigserial PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
        contact_email   text NOT NULL,
        subject         text NOT NULL,
        text            text NOT NULL,
        created_at      timestamptz NOT NULL,
        sent_at         timestamptz
    );
    """)


def downgrade() -> None:
    op.execute(
        "DROP TABLE webhook_contact_notices; DROP TABLE webhook_attempts; "
        "DROP TABLE webhook_deliveries; DROP TABLE webhook_subscriptions;"
    )
