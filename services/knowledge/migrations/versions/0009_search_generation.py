"""The library's search generation: a number that changes with every change to what search reads.

Each service process keeps recent search answers (service_layer/search_cache.py) and reads this
one row before answering from them, so every replica stops using an answer in the same instant
the library changes. Statement-level triggers bump it in the same transaction as the change,
whichever code path made it.

Revision ID: 0009
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
    CREATE TABLE library_search_generation (
        only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        generation bigint NOT NULL
    );
    INSERT INTO library_search_generation (only_row, generation) VALUES (true, 0);

    CREATE FUNCTION library_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE library_search_generation SET generation = generation + 1;
        RETURN NULL;
    END $$;

    CREATE TRIGGER published_resources_changed
        AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON published_resources
        FOR EACH STATEMENT EXECUTE FUNCTION library_search_changed();
    -- Typo correction reads the title words.
    CREATE TRIGGER library_title_words_changed
        AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON library_title_words
        FOR EACH STATEMENT EXECUTE FUNCTION library_search_changed();
    """)


def downgrade() -> None:
    op.execute("""
    DROP TRIGGER library_title_words_changed ON library_title_words;
    DROP TRIGGER published_resources_changed ON published_resources;
    DROP FUNCTION library_search_changed();
    DROP TABLE library_search_generation;
    """)
