"""Knowledge's baseline for bench/sql_driver.py: the library search's own SQL through asyncpg.

What GET /resources?q=…&limit=20 runs, with the same rotating queries the service is sent: SEARCH
(matches in each resource's own language, ordered by heading then ranked within the page's block,
20 hits with their snippets, facet counts over every match on the first row, in one statement);
when it found nothing, CORRECTED_WORDS (each word replaced by the nearest title word) and SEARCH
again with them.
"""

import itertools
import json
from urllib.parse import urlencode
from uuid import UUID

import asyncpg

from bench.scale_knowledge import made_up
from knowledge.adapters import resource_queries

# Per language: the real title word as a reader might type it (another inflection), a made-up
# word, a real word with a made-up one, a title word with a typo (corrected to the nearest title word).
QUERIES = [
    "sustainable", made_up("en", 101), f"denim {made_up('en', 1203)}", "recyclng",
    "sostenible", made_up("es", 202), f"tintes {made_up('es', 1304)}", "reciclje",
    "sostenible", made_up("ca", 303), f"tints {made_up('ca', 1405)}", "reciclatje",
    "устойчива", made_up("bg", 404), f"текстил {made_up('bg', 1506)}", "рециклирне",
    "durable", made_up("fr", 505), f"teinture {made_up('fr', 1607)}", "recyclge",
    "sustenabile", made_up("ro", 606), f"vopsire {made_up('ro', 1708)}", "recicalre",
    "bæredygtig", made_up("da", 707), f"farvning {made_up('da', 1809)}", "genbrg",
]  # fmt: skip
PAGE = 20
_turn = itertools.count()


def search_paths() -> list[str]:
    return [f"/resources?{urlencode({'q': q, 'limit': PAGE})}" for q in QUERIES]


# Page sizes 1..39 (20 on average, as above) times the 28 queries: 1,092 different searches in a
# cycle, more than the service keeps (knowledge.service_layer.search_cache.MAX_ANSWERS), so a
# least-recently-used store never holds the next one asked: every request is searched in SQL.
NEW_SEARCH_LIMITS = range(1, 40)


def new_search_paths() -> list[str]:
    return [
        f"/resources?{urlencode({'q': q, 'limit': limit})}" for limit in NEW_SEARCH_LIMITS for q in QUERIES
    ]


async def _search(connection: asyncpg.Connection, _: UUID | None) -> None:
    words = QUERIES[next(_turn) % len(QUERIES)]
    arguments = (words, None, None, None, None, None, None, PAGE, 0)
    rows = await connection.fetch(resource_queries.SEARCH, *arguments)
    if rows[0]["resource_id"] is None:
        corrected = await connection.fetchval(resource_queries.CORRECTED_WORDS, words)
        if corrected and corrected != words:
            rows = await connection.fetch(resource_queries.SEARCH, corrected, *arguments[1:])
    # The facets as JSON text (no codec on this connection), decoded once as the service does.
    assert json.loads(rows[0]["facets"])  # the total at least, hits or not: a query may find nothing


KINDS = {"search": _search}
