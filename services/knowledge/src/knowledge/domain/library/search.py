"""What a reader asks the library and what comes back: plain values, no SQL.

Results come in a stable order (rank, then resource id) so pages neither repeat nor skip a
resource; a page is at most `MAX_PAGE_SIZE` hits and the offset is bounded, since nobody reads
the thousandth page of a search (narrow it with a filter instead).
"""

import html
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from knowledge.domain.library.vocabulary import Kind, Language

MAX_PAGE_SIZE = 50
MAX_OFFSET = 1_000
FACETS = ("kind", "language", "value_chain", "region", "tag", "author_organisation_id")
# Values listed per facet, most frequent first.
FACET_VALUES = 20


@dataclass(frozen=True, slots=True)
class SearchQuery:
    text: str | None = None
    kind: Kind | None = None
    language: Language | None = None
    value_chain: str | None = None
    region: str | None = None
    tag: str | None = None
    author_organisation_id: UUID | None = None
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True, slots=True)
class SearchHit:
    resource_id: UUID
    group_id: UUID
    kind: Kind
    language: Language
    author_organisation_id: UUID
    title: str
    summary: str
    tags: tuple[str, ...]
    value_chains: tuple[str, ...]
    regions: tuple[str, ...]
    published_at: datetime
    rank: float
    # The best passage with the matched words between the `MATCH_START`/`MATCH_END` markers.
    snippet: str | None = None


# Control characters: the input policy refuses them in every text, so they cannot be forged.
MATCH_START = "\x02"
MATCH_END = "\x03"


@dataclass(frozen=True, slots=True)
class SearchPage:
    hits: tuple[SearchHit, ...]
    total: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    # The words searched instead, when those typed found nothing but a title word is close.
    corrected: str | None = None


def snippet_html(snippet: str) -> str:
    """The snippet as safe HTML: every character escaped, then the matched words in <mark>."""
    parts = []
    for index, piece in enumerate(snippet.split(MATCH_START)):
        marked, found, rest = piece.partition(MATCH_END)
        if index == 0 or not found:
            parts.append(html.escape(piece.replace(MATCH_END, "")))
        else:
            parts.append(f"<mark>{html.escape(marked)}</mark>{html.escape(rest.replace(MATCH_END, ''))}")
    return "".join(parts)
