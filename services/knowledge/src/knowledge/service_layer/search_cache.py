"""Recent search answers, kept per process while the library stays the same.

Search reads only published resources and title words, which change a few times a day, while the
same words are searched again and again. Each answer is kept under the library's search
generation (migration 0009: bumped in the transaction of every change); a request reads the
generation first, so an answer is used only while nothing it was built from changed. Replicas
therefore never disagree: each one's answers are as fresh as the shared row.
"""

from cachetools import LRUCache

from knowledge.domain.library.search import SearchPage, SearchQuery

# A search page is a few kilobytes (20 hits, snippets, facets); 256 of them keep a worker within
# its memory budget (150 MB at rest, measured by the bench).
MAX_ANSWERS = 256


class SearchCache:
    def __init__(self, max_answers: int = MAX_ANSWERS) -> None:
        self._generation: int | None = None
        self._answers: LRUCache[SearchQuery, SearchPage] = LRUCache(maxsize=max_answers)

    def get(self, generation: int, query: SearchQuery) -> SearchPage | None:
        if generation != self._generation:
            # Everything kept was built from an older library: nothing of it is ever used again.
            self._answers.clear()
            self._generation = generation
            return None
        return self._answers.get(query)

    def put(self, generation: int, query: SearchQuery, answer: SearchPage) -> None:
        # An answer of an older generation (the library changed while it was searched) is dropped.
        if generation == self._generation:
            self._answers[query] = answer
