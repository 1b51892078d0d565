"""The resource library: resources, every revision, the published ones searchable in seven languages.

Search reads `published_resources` only: one row per resource with a published revision, written
in the same transaction as the revision's state. Its `document` is a stored generated tsvector,
title (A) above summary (B) above body (C), each analysed with the resource language's
configuration: PostgreSQL's stemmers for English, Spanish, Catalan, French, Romanian and Danish;
for Bulgarian, which has none, `bulgarian_unaccented` (the simple configuration behind unaccent).
Typos: `library_title_words` holds every word of a published title, with a pg_trgm index, so a
query word the search does not find is replaced by the nearest title word (pg_trgm's own recipe
for spelling suggestions). Both extensions are trusted, so the database owner (the service's own
role) may create them.

Revision ID: 0006
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

LANGUAGE_CONFIGS = {
    "en": "english",
    "es": "spanish",
    "ca": "catalan",
    "bg": "bulgarian_unaccented",
    "fr": "french",
    "ro": "romanian",
    "da": "danish",
}
_CASES = " ".join(f"WHEN '{code}' THEN '{config}'::regconfig" for code, config in LANGUAGE_CONFIGS.items())


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    op.execute("""
    CREATE TEXT SEARCH CONFIGURATION bulgarian_unaccented (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION bulgarian_unaccented
        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    """)
    # Immutable, so generated columns and indexes may use it; the queries use the same function.
    op.execute(f"""
    CREATE FUNCTION library_search_config(language text) RETURNS regconfig
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN CASE language {_CASES} ELSE 'simple'::regconfig END;
    CREATE FUNCTION library_query(language text, words text) RETURNS tsquery
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN websearch_to_tsquery(library_search_config(language), words);
    """)
    op.execute("""
    CREATE TABLE library_organisations (
        organisation_id uuid PRIMARY KEY,
        cluster_id      uuid NOT NULL,
        legal_name      text NOT NULL,
        updated_at      timestamptz NOT NULL
    );
    CREATE INDEX library_organisations_cluster ON library_organisations (cluster_id);

    CREATE TABLE resources (
        id                     uuid PRIMARY KEY,
        group_id               uuid NOT NULL,
        kind                   text NOT NULL,
        language               text NOT NULL,
        author_organisation_id uuid NOT NULL,
        created_at             timestamptz NOT NULL,
        archived_at            timestamptz,
        source_key             text UNIQUE,
        -- The latest revision's state, kept here so the moderation queue needs no join.
        latest_status          text NOT NULL,
        UNIQUE (group_id, language)
    );
    CREATE INDEX resources_organisation ON resources (author_organisation_id, created_at DESC);
    CREATE INDEX resources_waiting ON resources (created_at) WHERE latest_status = 'submitted';

    CREATE TABLE resource_revisions (
        resource_id  uuid NOT NULL REFERENCES resources (id),
        number       integer NOT NULL,
        title        text NOT NULL,
        summary      text NOT NULL,
        body         text NOT NULL,
        tags         text[] NOT NULL,
        value_chains text[] NOT NULL,
        regions      text[] NOT NULL,
        links        text[] NOT NULL,
        status       text NOT NULL,
        written_by   uuid,
        written_at   timestamptz NOT NULL,
        comment      text,
        decided_by   uuid,
        decided_at   timestamptz,
        PRIMARY KEY (resource_id, number)
    );
    """)
    op.execute("""
    CREATE TABLE published_resources (
        resource_id            uuid PRIMARY KEY REFERENCES resources (id),
        group_id               uuid NOT NULL,
        kind                   text NOT NULL,
        language               text NOT NULL,
        author_organisation_id uuid NOT NULL,
        revision               integer NOT NULL,
        title                  text NOT NULL,
        summary                text NOT NULL,
        body_text              text NOT NULL,
        tags                   text[] NOT NULL,
        value_chains           text[] NOT NULL,
        regions                text[] NOT NULL,
        published_at           timestamptz NOT NULL,
        document               tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector(library_search_config(language), title), 'A')
            || setweight(to_tsvector(library_search_config(language), summary), 'B')
            || setweight(to_tsvector(library_search_config(language), body_text), 'C')
        ) STORED
    );
    CREATE INDEX published_resources_document ON published_resources USING gin (document);

    -- Only added to (a word of a title no longer published is harmless: a correction to it finds
    -- nothing), so it never shrinks under a reader's query.
    CREATE TABLE library_title_words (word text PRIMARY KEY);
    CREATE INDEX library_title_words_trigrams ON library_title_words USING gist (word gist_trgm_ops);
    CREATE INDEX published_resources_newest ON published_resources (published_at DESC, resource_id);
    """)


def downgrade() -> None:
    op.execute("""
    DROP TABLE library_title_words;
    DROP TABLE published_resources;
    DROP TABLE resource_revisions;
    DROP TABLE resources;
    DROP TABLE library_organisations;
    DROP FUNCTION library_query(text, text);
    DROP FUNCTION library_search_config(text);
    DROP TEXT SEARCH CONFIGURATION bulgarian_unaccented;
    """)
