"""DDL of the outbox and processed-events tables, applied by each service's first migration."""

OUTBOX_LANES = 8

CREATE_OUTBOX = f"""
CREATE TABLE outbox (
    id            bigserial PRIMARY KEY,
    event_id      uuid        NOT NULL UNIQUE,
    event_type    text        NOT NULL,
    topic         text        NOT NULL,
    message_key   text        NOT NULL,
    -- Rows of one key share a lane; a relay holds a lane's lock while publishing it, so
    -- several replicas split the work and one key's events still leave in order.
    lane          smallint    NOT NULL GENERATED ALWAYS AS
                    (abs(hashtext(message_key)) % {OUTBOX_LANES}) STORED,
    envelope      jsonb       NOT NULL,
    headers       jsonb       NOT NULL DEFAULT '{{}}',
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (lane, id) WHERE published_at IS NULL;

-- Wakes the relay as soon as a transaction that wrote events commits.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
"""

DROP_OUTBOX = """
DROP TRIGGER IF EXISTS outbox_notify ON outbox;
DROP FUNCTION IF EXISTS outbox_notify();
DROP TABLE IF EXISTS outbox;
"""

CREATE_PROCESSED_EVENTS = """
CREATE TABLE processed_events (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
"""

DROP_PROCESSED_EVENTS = "DROP TABLE IF EXISTS processed_events;"


def create_messaging_tables() -> None:
    """Alembic `upgrade` of every service's first migration: outbox and processed events."""
    from alembic import op

    op.execute(CREATE_OUTBOX)
    op.execute(CREATE_PROCESSED_EVENTS)


def drop_messaging_tables() -> None:
    from alembic import op

    op.execute(DROP_PROCESSED_EVENTS)
    op.execute(DROP_OUTBOX)
