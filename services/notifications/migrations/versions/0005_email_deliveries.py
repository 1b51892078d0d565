"""E-mail deliveries: one row per e-mail to send, written with its notification, drained by the sender.

The same table the recipients/routing work creates; this revision exists so the e-mail channel
can be built and tested on its own (the two are reconciled into one revision at merge).

Revision ID: 0005
"""

from alembic import op

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE email_deliveries (
        id              uuid PRIMARY KEY,
        notification_id uuid NULL,
        person_id       uuid NULL,
        to_address      text NOT NULL,
        language        text NOT NULL,
        -- The event type, or 'digest', or 'address_verification'.
        template        text NOT NULL,
        context         jsonb NOT NULL,
        status          text NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        attempts        int NOT NULL DEFAULT 0,
        -- While 'sending', the end of the sender's lease on the row.
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error      text NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        sent_at         timestamptz NULL,
        UNIQUE (notification_id)
    );
    CREATE INDEX email_deliveries_due ON email_deliveries (status, next_attempt_at);
    """)


def downgrade() -> None:
    op.execute("DROP TABLE email_deliveries;")
