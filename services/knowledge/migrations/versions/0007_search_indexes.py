"""Library search that reads only what it needs, whatever the number of matches.

- One partial GIN index per language (`document` WHERE language = …) instead of one over all: a
  search asks each language's index for that language's reading of the words, so a row is found
  by its own language's stems without reading its document again (with one index, every match in
  any language's reading had its document re-read, often from TOAST, to check its own language).
  A language filter leaves the other languages' indexes unread.
- `heading`: title (A) and summary (B) alone, a few lexemes kept in the row. Matches are ordered by
  it first, cheaply; only the block of matches a page falls in is ranked on the whole document.

Revision ID: 0007
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

LANGUAGES = ("en", "es", "ca", "bg", "fr", "ro", "da")


def upgrade() -> None:
    op.execute("""
    ALTER TABLE published_resources ADD COLUMN heading tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(library_search_config(language), title), 'A')
        || setweight(to_tsvector(library_search_config(language), summary), 'B')
    ) STORED
    """)
    for language in LANGUAGES:
        op.execute(
            f"CREATE INDEX published_resources_document_{language} ON published_resources"
            f" USING gin (document) WHERE language = '{language}'"
        )
    op.execute("DROP INDEX published_resources_document")
    op.execute("ANALYZE published_resources")


def downgrade() -> None:
    op.execute("CREATE INDEX published_resources_document ON published_resources USING gin (document)")
    for language in LANGUAGES:
        op.execute(f"DROP INDEX published_resources_document_{language}")
    op.execute("ALTER TABLE published_resources DROP COLUMN heading")
