"""Kept search answers: used only while the library's search generation is unchanged."""

from knowledge.domain.library.search import SearchPage, SearchQuery
from knowledge.service_layer.search_cache import SearchCache

DENIM, WOOL = SearchQuery("denim"), SearchQuery("wool")


def page(total: int) -> SearchPage:
    return SearchPage(hits=(), total=total)


def test_an_answer_is_kept_for_its_query_and_generation_only() -> None:
    answers = SearchCache()
    assert answers.get(7, DENIM) is None
    kept = page(3)
    answers.put(7, DENIM, kept)
    assert answers.get(7, DENIM) is kept
    assert answers.get(7, WOOL) is None
    assert answers.get(7, SearchQuery("denim", offset=20)) is None


def test_a_new_generation_forgets_every_answer_even_when_the_number_comes_back() -> None:
    answers = SearchCache()
    answers.get(7, DENIM)
    answers.put(7, DENIM, page(3))
    assert answers.get(8, DENIM) is None
    assert answers.get(7, DENIM) is None  # forgotten, not put aside


def test_an_answer_searched_while_the_library_changed_is_not_kept() -> None:
    answers = SearchCache()
    answers.get(7, DENIM)  # this request read generation 7...
    answers.get(8, WOOL)  # ...another saw the change meanwhile
    answers.put(7, DENIM, page(3))
    assert answers.get(8, DENIM) is None


def test_the_least_recently_used_answer_goes_first_when_full() -> None:
    answers = SearchCache(max_answers=2)
    answers.get(1, DENIM)
    answers.put(1, DENIM, page(1))
    answers.put(1, WOOL, page(2))
    answers.get(1, DENIM)
    answers.put(1, SearchQuery("silk"), page(3))
    assert answers.get(1, WOOL) is None and answers.get(1, DENIM) is not None
