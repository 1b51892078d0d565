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

# Each language's reading of the words, parsed once per statement (uncorrelated sub-selects are
# evaluated once, also in a generic plan). Their union is what the GIN index looks up in one scan;
# each row is then checked against its own language's reading, so a Danish stem never matches
# English text.
_ANY_LANGUAGE = (
    "(SELECT " + " || ".join(f"library_query('{language.value}', $1)" for language in Language) + ")"
)
_OWN_LANGUAGE = (
    "CASE p.language "
    + " ".join(
        f"WHEN '{language.value}' THEN (SELECT library_query('{language.value}', $1))"
        for language in Language
    )
    + " END"
)
_WORDS_MATCH = f"""
    p.document @@ {_ANY_LANGUAGE} AND p.document @@ {_OWN_LANGUAGE}"""
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


def _search(condition: str, rank: str, order: str, snippet: str) -> str:
    """One statement, one pass over the matches: the page ($8, $9) in `order` with its snippets,
    and `facets`, a JSON array of [facet, value, count] (the total first) on every row. With no
    hit on the page, one row still carries the facets, its hit columns NULL."""

    def top(facet: str, value: str, source: str = "matches") -> str:
        return (
            f"(SELECT '{facet}', {value}::text, count(*) FROM {source} GROUP BY 2"
            f" ORDER BY 3 DESC, 2 LIMIT {FACET_VALUES})"
        )

    return f"""
WITH matches AS MATERIALIZED (
    SELECT p.resource_id, p.kind, p.language, p.author_organisation_id, p.value_chains, p.regions, p.tags,
           p.published_at, {rank} AS rank
    FROM published_resources p WHERE {condition} AND {_FILTERS}
), counts (facet, value, count) AS (
    SELECT 'total', NULL::text, count(*) FROM matches
    UNION ALL {top("kind", "kind")}
    UNION ALL {top("language", "language")}
    UNION ALL {top("author_organisation_id", "author_organisation_id")}
    UNION ALL {top("value_chain", "v", "matches, unnest(value_chains) v")}
    UNION ALL {top("region", "r", "matches, unnest(regions) r")}
    UNION ALL {top("tag", "t", "matches, unnest(tags) t")}
)
SELECT (SELECT jsonb_agg(jsonb_build_array(facet, value, count)) FROM counts) AS facets, hit.*
FROM (SELECT 1) AS one LEFT JOIN LATERAL (
    SELECT {_HIT_COLUMNS}, page.rank, {snippet} AS snippet
    FROM (SELECT * FROM matches ORDER BY {order} LIMIT $8 OFFSET $9) AS page
    JOIN published_resources p USING (resource_id)
) AS hit ON true
ORDER BY {", ".join(f"hit.{term}" for term in order.split(", "))}
"""


_BY_RANK = "rank DESC, resource_id"
SEARCH = _search(_WORDS_MATCH, f"ts_rank_cd(p.document, {_OWN_LANGUAGE})", _BY_RANK, _SNIPPET)

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
BROWSE = _search("$1::text IS NULL", "0.0::real", "published_at DESC, resource_id", "NULL::text")
