"""Every SQL statement of the library, named; column lists spelled once."""

from knowledge.domain.library.search import FACET_VALUES
from knowledge.domain.library.vocabulary import Language

RESOURCE_COLUMNS = (
    "id",
    "group_id",
    "kind",
    "language",
    "author_organisation_id",
    "created_at",
    "archived_at",
    "source_key",
)
REVISION_COLUMNS = (
    "resource_id",
    "number",
    "title",
    "summary",
    "body",
    "tags",
    "value_chains",
    "regions",
    "links",
    "status",
    "written_by",
    "written_at",
    "comment",
    "decided_by",
    "decided_at",
)
PUBLISHED_COLUMNS = (
    "resource_id",
    "group_id",
    "kind",
    "language",
    "author_organisation_id",
    "revision",
    "title",
    "summary",
    "body_text",
    "tags",
    "value_chains",
    "regions",
    "published_at",
)


def _placeholders(columns: tuple[str, ...], first: int = 1) -> str:
    return ", ".join(f"${i}" for i in range(first, first + len(columns)))


def _updates(columns: tuple[str, ...]) -> str:
    return ", ".join(f"{c} = EXCLUDED.{c}" for c in columns)


INSERT_RESOURCE = f"""
INSERT INTO resources ({", ".join(RESOURCE_COLUMNS)}, latest_status)
VALUES ({_placeholders(RESOURCE_COLUMNS)}, ${len(RESOURCE_COLUMNS) + 1})
"""
UPDATE_RESOURCE = "UPDATE resources SET archived_at = $2, latest_status = $3 WHERE id = $1"

SAVE_REVISION = f"""
INSERT INTO resource_revisions ({", ".join(REVISION_COLUMNS)}) VALUES ({_placeholders(REVISION_COLUMNS)})
ON CONFLICT (resource_id, number) DO UPDATE SET {_updates(REVISION_COLUMNS[2:])}
"""
SAVE_PUBLISHED = f"""
INSERT INTO published_resources ({", ".join(PUBLISHED_COLUMNS)}) VALUES ({_placeholders(PUBLISHED_COLUMNS)})
ON CONFLICT (resource_id) DO UPDATE SET {_updates(PUBLISHED_COLUMNS[1:])}
"""
DELETE_PUBLISHED = "DELETE FROM published_resources WHERE resource_id = $1"

_SELECT_RESOURCES = f"SELECT {', '.join(RESOURCE_COLUMNS)} FROM resources"
GET_RESOURCE = _SELECT_RESOURCES + " WHERE id = $1"
GET_RESOURCE_FOR_UPDATE = GET_RESOURCE + " FOR UPDATE"
RESOURCE_BY_SOURCE_KEY = _SELECT_RESOURCES + " WHERE source_key = $1"
TRANSLATIONS = _SELECT_RESOURCES + " WHERE group_id = $1 ORDER BY language"
WAITING_FOR_MODERATION = (
    _SELECT_RESOURCES
    + """ WHERE latest_status = 'submitted' AND archived_at IS NULL
    AND ($1::uuid IS NULL OR author_organisation_id IN
         (SELECT organisation_id FROM library_organisations WHERE cluster_id = $1))
    ORDER BY created_at, id LIMIT $2 OFFSET $3"""
)
OF_ORGANISATION = (
    _SELECT_RESOURCES + " WHERE author_organisation_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3"
)
REVISIONS_OF = (
    f"SELECT {', '.join(REVISION_COLUMNS)} FROM resource_revisions"
    " WHERE resource_id = ANY($1::uuid[]) ORDER BY resource_id, number"
)

KNOWN_ORGANISATION_COLUMNS = ("organisation_id", "cluster_id", "legal_name", "updated_at")
GET_KNOWN_ORGANISATION = (
    f"SELECT {', '.join(KNOWN_ORGANISATION_COLUMNS)} FROM library_organisations WHERE organisation_id = $1"
)
SAVE_KNOWN_ORGANISATION = f"""
INSERT INTO library_organisations ({", ".join(KNOWN_ORGANISATION_COLUMNS)})
VALUES ({_placeholders(KNOWN_ORGANISATION_COLUMNS)})
ON CONFLICT (organisation_id) DO UPDATE SET {_updates(KNOWN_ORGANISATION_COLUMNS[1:])}
"""

# --- search: $1 words (NULL to browse), $2 kind, $3 language, $4 value chain, $5 region, $6 tag,
# $7 author organisation; pages add $8 limit and $9 offset.


def _reading(language: Language) -> str:
    """The words as `language` reads them, parsed once per statement (an uncorrelated sub-select is
    evaluated once, also in a generic plan); NULL when the language filter leaves that language out,
    so its index is not even looked at."""
    code = language.value
    return f"(SELECT library_query('{code}', $1) WHERE $3::text IS NULL OR $3 = '{code}')"


# One arm per language, each answered by that language's partial GIN index (migration 0007) without
# reading the document: a row matches its own language's reading only, so a Danish stem never
# matches English text, and no row is re-checked (GIN's answer for plain words is exact).
_WORDS_MATCH = (
    "("
    + " OR ".join(f"(p.language = '{lang.value}' AND p.document @@ {_reading(lang)})" for lang in Language)
    + ")"
)
_OWN_LANGUAGE = (
    "CASE p.language " + " ".join(f"WHEN '{lang.value}' THEN {_reading(lang)}" for lang in Language) + " END"
)
_FILTERS = """
    ($2::text IS NULL OR p.kind = $2) AND ($3::text IS NULL OR p.language = $3)
    AND ($4::text IS NULL OR p.value_chains @> ARRAY[$4]) AND ($5::text IS NULL OR p.regions @> ARRAY[$5])
    AND ($6::text IS NULL OR p.tags @> ARRAY[$6]) AND ($7::uuid IS NULL OR p.author_organisation_id = $7)"""
_HIT_COLUMNS = (
    "p.resource_id, p.group_id, p.kind, p.language, p.author_organisation_id, p.title, p.summary, p.tags,"
    " p.value_chains, p.regions, p.published_at"
)
# ts_headline re-reads the text it quotes: its cost grows with the body, so it quotes the opening.
SNIPPET_SOURCE_CHARS = 1_500
_HEADLINE_OPTIONS = "StartSel=\x02, StopSel=\x03, MaxWords=30, MinWords=12"
_SNIPPET = (
    f"ts_headline(library_search_config(p.language), left(p.body_text, {SNIPPET_SOURCE_CHARS}),"
    f" {_OWN_LANGUAGE}, '{_HEADLINE_OPTIONS}')"
)
# Ranking reads each match's whole document (often TOASTed): over thousands of matches that was
# most of a broad word's time. So matches are first ordered by their heading (title and summary, a
# few lexemes stored in the row), newest first among equals, and cut into blocks of RANK_BLOCK; the
# document ranks the matches within the blocks a page falls in, never more. Searches with at most
# RANK_BLOCK matches are ranked exactly; beyond, a resource whose heading matches comes first.
RANK_BLOCK = 200


def _facets(source: str) -> str:
    """A JSON array of [facet, value, count] over `source`: the total and each facet's
    FACET_VALUES most frequent values, most frequent first. Four passes over the matches (one
    for the total and the single-valued facets, one per array), not seven."""
    return f"""(SELECT jsonb_agg(jsonb_build_array(facet, value, count) ORDER BY facet, place) FROM (
    SELECT facet, value, count, row_number() OVER (PARTITION BY facet ORDER BY count DESC, value) AS place
    FROM (
        SELECT CASE WHEN GROUPING(kind) = 0 THEN 'kind' WHEN GROUPING(language) = 0 THEN 'language'
                    WHEN GROUPING(author_organisation_id) = 0 THEN 'author_organisation_id' ELSE 'total' END,
               coalesce(kind, language, author_organisation_id::text), count(*)
        FROM {source} GROUP BY GROUPING SETS ((), (kind), (language), (author_organisation_id))
        UNION ALL SELECT 'value_chain', v, count(*) FROM {source}, unnest(value_chains) v GROUP BY 2
        UNION ALL SELECT 'region', r, count(*) FROM {source}, unnest(regions) r GROUP BY 2
        UNION ALL SELECT 'tag', t, count(*) FROM {source}, unnest(tags) t GROUP BY 2
    ) AS counted (facet, value, count)
) AS placed WHERE place <= {FACET_VALUES})"""


# The blocks the page ($8 hits from the $9-th) falls in.
_FIRST_BLOCK = f"($9::int / {RANK_BLOCK})"
_LAST_BLOCK = f"(($9::int + $8::int - 1) / {RANK_BLOCK})"
_MATCHED_COLUMNS = (
    "p.resource_id, p.kind, p.language, p.author_organisation_id, p.value_chains, p.regions, p.tags"
)


def _first_row_only(value: str, order: str) -> str:
    # The facets are decoded from JSON by the client: once per answer, not once per hit.
    return f"CASE WHEN row_number() OVER (ORDER BY {order}) = 1 THEN {value} END"


_SEARCH_ORDER = "hit.block, hit.rank DESC, hit.resource_id"
_BROWSE_ORDER = "hit.published_at DESC, hit.resource_id"

# One statement, one pass over the matches: the page ($8, $9) with its snippets, and `facets` (see
# _facets) on its first row. With no hit on the page, one row still carries the facets, hit columns
# NULL.
SEARCH = f"""
WITH matches AS MATERIALIZED (
    SELECT {_MATCHED_COLUMNS},
           row_number() OVER (ORDER BY ts_rank_cd(p.heading, {_OWN_LANGUAGE}) DESC, p.published_at DESC,
                                       p.resource_id) - 1 AS position
    FROM published_resources p WHERE {_WORDS_MATCH} AND {_FILTERS}
), page AS (
    SELECT r.resource_id, ts_rank_cd(p.document, {_OWN_LANGUAGE}) AS rank, r.block
    FROM (SELECT resource_id, position / {RANK_BLOCK} AS block FROM matches) AS r
    JOIN published_resources p USING (resource_id)
    WHERE r.block BETWEEN {_FIRST_BLOCK} AND {_LAST_BLOCK}
    ORDER BY r.block, rank DESC, r.resource_id
    LIMIT $8 OFFSET $9 - {_FIRST_BLOCK} * {RANK_BLOCK}
)
SELECT {_first_row_only(_facets("matches"), _SEARCH_ORDER)} AS facets, hit.*
FROM (SELECT 1) AS one LEFT JOIN LATERAL (
    SELECT {_HIT_COLUMNS}, page.rank, page.block, {_SNIPPET} AS snippet
    FROM page JOIN published_resources p USING (resource_id)
) AS hit ON true
ORDER BY {_SEARCH_ORDER}
"""
BROWSE = f"""
WITH matches AS MATERIALIZED (
    SELECT {_MATCHED_COLUMNS}, p.published_at FROM published_resources p WHERE $1::text IS NULL AND {_FILTERS}
), page AS (
    SELECT resource_id, published_at FROM matches ORDER BY published_at DESC, resource_id LIMIT $8 OFFSET $9
)
SELECT {_first_row_only(_facets("matches"), _BROWSE_ORDER)} AS facets, hit.*
FROM (SELECT 1) AS one LEFT JOIN LATERAL (
    SELECT {_HIT_COLUMNS}, 0.0::real AS rank, NULL::text AS snippet
    FROM page JOIN published_resources p USING (resource_id)
) AS hit ON true
ORDER BY {_BROWSE_ORDER}
"""

SEARCH_GENERATION = "SELECT generation FROM library_search_generation"

# Typos: each word of the query replaced by the most similar word of a published title, if one is
# similar enough (pg_trgm's threshold, 0.3); the search runs again with the corrected words.
CORRECTED_WORDS = """
SELECT string_agg(coalesce(nearest.word, typed.word), ' ')
FROM unnest(tsvector_to_array(to_tsvector('simple', $1))) AS typed (word)
LEFT JOIN LATERAL (
    SELECT known.word FROM library_title_words known
    WHERE known.word % typed.word ORDER BY known.word <-> typed.word LIMIT 1
) AS nearest ON true
"""
ADD_TITLE_WORDS = """
INSERT INTO library_title_words (word)
SELECT word FROM unnest(tsvector_to_array(to_tsvector('simple', $1))) AS word
ON CONFLICT DO NOTHING
"""
