"""The programme: organisations (read model), programmes and quota counters, exchanges and their
history, hosting offers, group missions, evidence, figures kept per change, erased people.

Revision ID: 0003
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    ALTER TABLE participants RENAME TO people;
    ALTER INDEX participants_by_organisation RENAME TO people_by_organisation;
    ALTER INDEX participants_by_cluster RENAME TO people_by_cluster;

    -- Only the id stays, so histories and reports can say "erased person".
    CREATE TABLE erased_people (
        person_id uuid PRIMARY KEY,
        erased_at timestamptz NOT NULL
    );

    CREATE TABLE organisations (
        organisation_id uuid PRIMARY KEY,
        legal_name      text NOT NULL,
        category        text NOT NULL,
        country         text NOT NULL,
        region          text,
        cluster_id      uuid NOT NULL,
        is_active       boolean NOT NULL,
        latitude        double precision,
        longitude       double precision,
        value_chains    text[] NOT NULL DEFAULT '{}',
        languages       text[] NOT NULL DEFAULT '{}',
        as_of           timestamptz NOT NULL
    );
    CREATE INDEX organisations_by_country ON organisations (country);
    CREATE INDEX organisations_by_category ON organisations (category);
    CREATE INDEX organisations_by_value_chain ON organisations USING gin (value_chains);

    CREATE TABLE programmes (
        id                 uuid PRIMARY KEY,
        name               text NOT NULL,
        application_first  date NOT NULL,
        application_last   date NOT NULL,
        activity_first     date NOT NULL,
        activity_last      date NOT NULL,
        lump_sum_caps      jsonb NOT NULL,
        created_at         timestamptz NOT NULL,
        created_by         uuid,
        closed_at          timestamptz,
        closed_by          uuid
    );

    -- One row per category: the quota, the slots taken (= exchanges approved or later) and
    -- the exchanges completed. A slot is taken by a guarded UPDATE (taken < slots) that locks
    -- the row until commit; the CHECK makes an overflow impossible even for a faulty query.
    CREATE TABLE programme_quotas (
        programme_id uuid NOT NULL REFERENCES programmes (id),
        category     text NOT NULL,
        side         text NOT NULL,
        slots        integer NOT NULL CHECK (slots >= 0),
        taken        integer NOT NULL DEFAULT 0 CHECK (taken >= 0 AND taken <= slots),
        completed    integer NOT NULL DEFAULT 0 CHECK (completed >= 0),
        position     integer NOT NULL,
        PRIMARY KEY (programme_id, category)
    );
    """)
    op.execute(EXCHANGES)
    op.execute(OFFERS_MISSIONS_EVIDENCE)
    op.execute(FIGURES)


EXCHANGES = """
CREATE TABLE exchanges (
    id                      uuid PRIMARY KEY,
    programme_id            uuid NOT NULL REFERENCES programmes (id),
    visitor_organisation_id uuid NOT NULL,
    visitor_category        text NOT NULL,
    visitor_country         text NOT NULL,
    visitor_cluster_id      uuid NOT NULL,
    host_organisation_id    uuid NOT NULL,
    host_category           text NOT NULL,
    host_country            text NOT NULL,
    host_cluster_id         uuid NOT NULL,
    slot_category           text NOT NULL,
    activity_kind           text NOT NULL,
    first_day               date NOT NULL,
    last_day                date NOT NULL,
    state                   text NOT NULL,
    lump_sum                jsonb NOT NULL,
    requested_at            timestamptz NOT NULL,
    requested_by            uuid NOT NULL,
    message                 text,
    hosting_offer_id        uuid,
    mission_id              uuid,
    commitment              jsonb,
    signatures              jsonb NOT NULL DEFAULT '[]',
    report                  jsonb,
    host_feedback           jsonb,
    review_comments         text,
    closing_reason          text,
    approved_at             timestamptz,
    approved_by             uuid,
    validated_at            timestamptz,
    validated_by            uuid,
    paid_at                 timestamptz,
    paid_by                 uuid,
    paid_amount             numeric(10, 2),
    flagged                 text[] NOT NULL DEFAULT '{}',
    at_risk                 jsonb,
    report_due              date NOT NULL,
    payment_due             date,
    version                 integer NOT NULL
);
-- A visitor visits once per programme: the domain checks it under a lock, this index makes sure.
CREATE UNIQUE INDEX exchanges_one_visit ON exchanges (programme_id, visitor_organisation_id)
    WHERE state NOT IN ('declined', 'cancelled');
CREATE INDEX exchanges_in_programme ON exchanges (programme_id, requested_at, id);
CREATE INDEX exchanges_by_visitor ON exchanges (visitor_organisation_id);
CREATE INDEX exchanges_by_host ON exchanges (host_organisation_id);
CREATE INDEX exchanges_by_visitor_cluster ON exchanges (visitor_cluster_id);
CREATE INDEX exchanges_by_host_cluster ON exchanges (host_cluster_id);
CREATE INDEX exchanges_by_offer ON exchanges (hosting_offer_id) WHERE hosting_offer_id IS NOT NULL;
CREATE INDEX exchanges_by_mission ON exchanges (mission_id) WHERE mission_id IS NOT NULL;
-- What the sweeper looks for: deadlines are data, found through these partial indexes.
CREATE INDEX exchanges_to_start ON exchanges (first_day) WHERE state = 'approved';
CREATE INDEX exchanges_report_due ON exchanges (report_due)
    WHERE state IN ('in_progress', 'report_sent_back');
CREATE INDEX exchanges_payment_due ON exchanges (payment_due) WHERE state = 'completed';

CREATE TABLE exchange_history (
    exchange_id uuid NOT NULL REFERENCES exchanges (id),
    position    integer NOT NULL,
    step        text NOT NULL,
    at          timestamptz NOT NULL,
    by_person   uuid,
    state       text NOT NULL,
    note        text,
    PRIMARY KEY (exchange_id, position)
);
"""

OFFERS_MISSIONS_EVIDENCE = """
CREATE TABLE hosting_offers (
    id                   uuid PRIMARY KEY,
    host_organisation_id uuid NOT NULL,
    title                text NOT NULL,
    topics               text[] NOT NULL DEFAULT '{}',
    activity_kinds       text[] NOT NULL,
    languages            text[] NOT NULL DEFAULT '{}',
    periods              datemultirange NOT NULL,
    capacity             integer NOT NULL CHECK (capacity >= 1),
    published_at         timestamptz NOT NULL,
    published_by         uuid NOT NULL,
    withdrawn_at         timestamptz
);
CREATE INDEX hosting_offers_in_order ON hosting_offers (published_at DESC, id) WHERE withdrawn_at IS NULL;
CREATE INDEX hosting_offers_by_host ON hosting_offers (host_organisation_id);
CREATE INDEX hosting_offers_by_activity ON hosting_offers USING gin (activity_kinds)
    WHERE withdrawn_at IS NULL;
CREATE INDEX hosting_offers_by_language ON hosting_offers USING gin (languages) WHERE withdrawn_at IS NULL;
CREATE INDEX hosting_offers_by_period ON hosting_offers USING gist (periods) WHERE withdrawn_at IS NULL;

CREATE TABLE group_missions (
    id                   uuid PRIMARY KEY,
    programme_id         uuid NOT NULL REFERENCES programmes (id),
    host_organisation_id uuid NOT NULL,
    title                text NOT NULL,
    first_day            date NOT NULL,
    last_day             date NOT NULL,
    agenda               jsonb NOT NULL,
    capacity             integer NOT NULL CHECK (capacity >= 1),
    created_at           timestamptz NOT NULL,
    created_by           uuid NOT NULL
);
CREATE INDEX group_missions_in_programme ON group_missions (programme_id, first_day, id);

CREATE TABLE evidence_files (
    id          uuid PRIMARY KEY,
    exchange_id uuid NOT NULL REFERENCES exchanges (id),
    filename    text NOT NULL,
    media_type  text NOT NULL,
    size        integer NOT NULL,
    sha256      text NOT NULL,
    uploaded_at timestamptz NOT NULL,
    uploaded_by uuid NOT NULL
);
CREATE INDEX evidence_files_of_exchange ON evidence_files (exchange_id, uploaded_at, id);

-- The PostgreSQL adapter of the evidence storage port: content addressed by its SHA-256.
CREATE TABLE evidence_blobs (
    sha256    text PRIMARY KEY,
    content   bytea NOT NULL,
    stored_at timestamptz NOT NULL DEFAULT now()
);
"""

FIGURES = """
-- Kept up to date in the transaction of each change; figures never scan the exchanges.
CREATE TABLE figures_by_cluster (
    programme_id uuid NOT NULL,
    cluster_id   uuid NOT NULL,
    approved     integer NOT NULL DEFAULT 0,
    completed    integer NOT NULL DEFAULT 0,
    PRIMARY KEY (programme_id, cluster_id)
);
CREATE TABLE figures_by_flow (
    programme_id uuid NOT NULL,
    from_country text NOT NULL,
    to_country   text NOT NULL,
    approved     integer NOT NULL DEFAULT 0,
    completed    integer NOT NULL DEFAULT 0,
    PRIMARY KEY (programme_id, from_country, to_country)
);
"""


def downgrade() -> None:
    op.execute("""
    DROP TABLE figures_by_flow, figures_by_cluster, evidence_blobs, evidence_files, group_missions,
        hosting_offers, exchange_history, exchanges, programme_quotas, programmes, organisations,
        erased_people;
    ALTER INDEX people_by_cluster RENAME TO participants_by_cluster;
    ALTER INDEX people_by_organisation RENAME TO participants_by_organisation;
    ALTER TABLE people RENAME TO participants;
    """)
