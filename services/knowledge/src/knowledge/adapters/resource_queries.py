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

# Any language's reading of the words: what the GIN index can look up in one scan. Each row is
# then checked against its own language's reading, so a Danish stem never matches English text.
_ANY_LANGUAGE = " || ".join(f"library_query('{language.value}', $1)" for language in Language)
_WORDS_MATCH = f"""
    (p.document @@ ({_ANY_LANGUAGE}) OR $1 <% p.title)
    AND (p.document @@ library_query(p.language, $1) OR $1 <% p.title)"""
_FILTERS = """
    ($2::text IS NULL OR p.kind = $2) AND ($3::text IS NULL OR p.language = $3)
    AND ($4::text IS NULL OR p.value_chains @> ARRAY[$4]) AND ($5::text IS NULL OR p.regions @> ARRAY[$5])
    AND ($6::text IS NULL OR p.tags @> ARRAY[$6]) AND ($7::uuid IS NULL OR p.author_organisation_id = $7)"""
_HIT_COLUMNS = (
    "p.resource_id, p.group_id, p.kind, p.language, p.author_organisation_id, p.title, p.summary, p.tags,"
    " p.value_chains, p.regions, p.published_at, p.body_text"
)
# Title matches with a typo count, but less than the words found by full-text search.
_RANK = "ts_rank_cd(p.document, library_query(p.language, $1)) + 0.1 * word_similarity($1, p.title)"
_HEADLINE_OPTIONS = (
    'StartSel=\x02, StopSel=\x03, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'
)

SEARCH_PAGE = f"""
SELECT hit.*, ts_headline(library_search_config(hit.language), hit.body_text,
                          library_query(hit.language, $1), '{_HEADLINE_OPTIONS}') AS snippet
FROM (
    SELECT {_HIT_COLUMNS}, {_RANK} AS rank
    FROM published_resources p
    WHERE {_WORDS_MATCH} AND {_FILTERS}
    ORDER BY rank DESC, p.resource_id
    LIMIT $8 OFFSET $9
) hit
ORDER BY hit.rank DESC, hit.resource_id
"""
BROWSE_PAGE = f"""
SELECT {_HIT_COLUMNS}, 0.0::real AS rank, NULL::text AS snippet
FROM published_resources p
WHERE $1::text IS NULL AND {_FILTERS}
ORDER BY p.published_at DESC, p.resource_id
LIMIT $8 OFFSET $9
"""


def _facets(condition: str) -> str:
    def top(facet: str, value: str, source: str = "matches") -> str:
        return (
            f"(SELECT '{facet}', {value}::text, count(*) FROM {source} GROUP BY 2"
            f" ORDER BY 3 DESC, 2 LIMIT {FACET_VALUES})"
        )

    return f"""
WITH matches AS MATERIALIZED (
    SELECT p.kind, p.language, p.value_chains, p.regions, p.tags, p.author_organisation_id
    FROM published_resources p WHERE {condition}
)
SELECT 'total' AS facet, NULL::text AS value, count(*) AS count FROM matches
UNION ALL {top("kind", "kind")}
UNION ALL {top("language", "language")}
UNION ALL {top("author_organisation_id", "author_organisation_id")}
UNION ALL {top("value_chain", "v", "matches, unnest(value_chains) v")}
UNION ALL {top("region", "r", "matches, unnest(regions) r")}
UNION ALL {top("tag", "t", "matches, unnest(tags) t")}
"""


SEARCH_FACETS = _facets(f"{_WORDS_MATCH} AND {_FILTERS}")
BROWSE_FACETS = _facets(f"$1::text IS NULL AND {_FILTERS}")
