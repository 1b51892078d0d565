"""Search on the real PostgreSQL: each of the seven languages with its own analysis, typo-tolerant
titles, filters with facet counts, a stable order, and only published resources."""

from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from cloth_shared.outbox.writer import OutboxWriter
from knowledge.adapters.resource_queries import RANK_BLOCK
from knowledge.adapters.unit_of_work import PostgresKnowledgeUnitOfWork
from knowledge.bootstrap import MIGRATIONS
from knowledge.domain.library import workflow
from knowledge.domain.library.resources import Content, Resource
from knowledge.domain.library.search import MATCH_START, SearchQuery
from knowledge.domain.library.vocabulary import Kind, Language
from knowledge.service_layer import resource_reads as reads
from knowledge.service_layer.search_cache import SearchCache

pytestmark = pytest.mark.integration

NOON = datetime(2026, 11, 30, 12, tzinfo=UTC)
ORGANISATION, OTHER = uuid4(), uuid4()
WRITER = uuid4()

# (language, title, body, query that must find it through stemming or folding)
SEVEN_LANGUAGES = [
    (Language.EN, "Sustainability in dye houses", "Dyeing with recycled water.", "sustainable dyeing"),
    (Language.ES, "Modas sostenibles", "Tintes naturales para prendas recicladas.", "sostenible"),
    (Language.CA, "Teixits sostenibles", "Tints naturals per a peces reciclades.", "sostenible"),
    (Language.BG, "Устойчива мода", "Естествени багрила за рециклирани дрехи.", "УСТОЙЧИВА"),
    (Language.FR, "Textiles durables", "Teintures naturelles pour vêtements recyclés.", "durable teinture"),
    (Language.RO, "Modă sustenabilă", "Coloranți naturali pentru haine reciclate.", "sustenabile"),
    (Language.DA, "Bæredygtige tekstiler", "Naturlige farvestoffer til genbrugt tøj.", "bæredygtig tekstil"),
]


def a_resource(
    language: Language,
    title: str,
    body: str,
    *,
    kind: Kind = Kind.GUIDE,
    organisation: UUID = ORGANISATION,
    tags: tuple[str, ...] = (),
    publish: bool = True,
) -> Resource:
    content = Content(
        title=title, summary=f"{title}.", body=body, tags=tags, value_chains=("apparel",), regions=("ES51",)
    )
    resource = workflow.start(
        kind=kind, language=language, author_organisation_id=organisation, content=content, by=WRITER, at=NOON
    )
    if publish:
        resource, _ = workflow.submit(resource, by=WRITER, at=NOON)
        resource, _ = workflow.publish(resource, by=WRITER, at=NOON + timedelta(minutes=len(title)))
    return resource


@pytest.fixture
async def new_uow(migrated_pool):  # type: ignore[no-untyped-def]
    pool = await migrated_pool(MIGRATIONS)
    return lambda: PostgresKnowledgeUnitOfWork(pool, OutboxWriter(producer="knowledge"))


async def stored(new_uow, *resources: Resource) -> None:  # type: ignore[no-untyped-def]
    async with new_uow() as uow:
        for resource in resources:
            await uow.resources.add(resource)
        await uow.commit()


async def search(new_uow, text: str | None = None, **filters) -> list[str]:  # type: ignore[no-untyped-def]
    async with new_uow().reading() as uow:
        page = await uow.resources.search(SearchQuery(text, **filters))
    return [hit.title for hit in page.hits]


@pytest.mark.parametrize(
    ("language", "title", "body", "query"), SEVEN_LANGUAGES, ids=[entry[0].value for entry in SEVEN_LANGUAGES]
)
async def test_each_language_is_searched_with_its_own_stemming_or_folding(
    new_uow, language, title, body, query
) -> None:  # type: ignore[no-untyped-def]
    await stored(new_uow, *(a_resource(*entry[:3]) for entry in SEVEN_LANGUAGES))
    # Spanish and Catalan share "sostenible": without a language filter both may answer.
    assert title in await search(new_uow, query)
    assert await search(new_uow, query, language=language) == [title]


async def test_a_spanish_query_finds_the_plural_and_a_snippet_marks_the_body_match(new_uow) -> None:  # type: ignore[no-untyped-def]
    await stored(new_uow, a_resource(Language.ES, "Guía de tintes", "Prendas sostenibles y <b>baratas</b>."))
    async with new_uow().reading() as uow:
        (hit,) = (await uow.resources.search(SearchQuery("sostenible"))).hits
    assert hit.snippet is not None and f"{MATCH_START}sostenibles" in hit.snippet


async def test_a_bulgarian_query_finds_cyrillic_text_in_the_body_too(new_uow) -> None:  # type: ignore[no-untyped-def]
    await stored(new_uow, a_resource(Language.BG, "Наръчник", "Кръгова икономика в текстилната индустрия."))
    assert await search(new_uow, "икономика") == ["Наръчник"]


async def test_a_typo_in_a_title_word_is_corrected_to_the_nearest_title_word(new_uow) -> None:  # type: ignore[no-untyped-def]
    await stored(new_uow, a_resource(Language.EN, "Circularity handbook", "Nothing else."))
    assert await search(new_uow, "circularty") == ["Circularity handbook"]
    assert await search(new_uow, "handbok") == ["Circularity handbook"]
    async with new_uow().reading() as uow:
        page = await uow.resources.search(SearchQuery("Circularty HANDBOK"))
        unrelated = await uow.resources.search(SearchQuery("viscose"))
    assert (page.total, page.corrected) == (1, "circularity handbook")
    assert (unrelated.total, unrelated.corrected) == (0, None)


async def test_the_title_weighs_more_than_the_body_and_equal_ranks_are_ordered_by_id(new_uow) -> None:  # type: ignore[no-untyped-def]
    in_title = a_resource(Language.EN, "Denim recycling", "How mills work.")
    in_body = a_resource(Language.EN, "Mill visits", "Denim is recycled here.")
    twins = [a_resource(Language.EN, "Twin", f"Linen {n}.") for n in range(3)]
    await stored(new_uow, in_body, in_title, *twins)
    assert await search(new_uow, "denim") == ["Denim recycling", "Mill visits"]
    async with new_uow().reading() as uow:
        page = await uow.resources.search(SearchQuery("linen", limit=2))
        rest = await uow.resources.search(SearchQuery("linen", limit=2, offset=2))
    ids = [hit.resource_id for hit in (*page.hits, *rest.hits)]
    assert ids == sorted(r.id for r in twins) and page.total == 3


async def test_pages_across_rank_blocks_neither_repeat_nor_skip_and_heading_matches_come_first(
    new_uow,
) -> None:  # type: ignore[no-untyped-def]
    # More matches than one rank block: the blocks are cut in heading order, each ranked on its own.
    titled = [a_resource(Language.EN, f"Linen guide {n}", "Mills.") for n in range(3)]
    in_body = [a_resource(Language.EN, f"Note {n}", "Linen. " * (1 + n % 4)) for n in range(RANK_BLOCK + 20)]
    await stored(new_uow, *in_body, *titled)
    everything = RANK_BLOCK + 23
    async with new_uow().reading() as uow:
        pages = [
            await uow.resources.search(SearchQuery("linen", limit=50, offset=o))
            for o in range(0, everything, 50)
        ]
        straddling = await uow.resources.search(SearchQuery("linen", limit=20, offset=RANK_BLOCK - 10))
    hits = [hit for page in pages for hit in page.hits]
    ids = [hit.resource_id for hit in hits]
    assert len(ids) == len(set(ids)) == everything == pages[0].total
    assert {hit.title for hit in hits[:3]} == {r.latest.content.title for r in titled}
    first_block = hits[:RANK_BLOCK]
    assert [(-h.rank, h.resource_id) for h in first_block] == sorted(
        (-h.rank, h.resource_id) for h in first_block
    )
    assert [hit.resource_id for hit in straddling.hits] == ids[RANK_BLOCK - 10 : RANK_BLOCK + 10]


async def test_drafts_and_archived_resources_are_never_found(new_uow) -> None:  # type: ignore[no-untyped-def]
    archived, _ = workflow.archive(a_resource(Language.EN, "Old denim guide", "x"), by=WRITER, at=NOON)
    await stored(new_uow, a_resource(Language.EN, "Draft denim guide", "x", publish=False), archived)
    assert await search(new_uow, "denim") == []
    assert await search(new_uow) == []


async def test_filters_narrow_the_matches_and_facets_count_them(new_uow) -> None:  # type: ignore[no-untyped-def]
    await stored(
        new_uow,
        a_resource(Language.EN, "Denim tool", "x", kind=Kind.TOOL, tags=("denim", "water")),
        a_resource(Language.EN, "Denim case", "x", kind=Kind.CASE_STUDY, tags=("denim",), organisation=OTHER),
        a_resource(Language.ES, "Denim guía", "x", kind=Kind.GUIDE, tags=("denim",)),
    )
    assert await search(new_uow, "denim", kind=Kind.TOOL) == ["Denim tool"]
    assert await search(new_uow, "denim", tag="water") == ["Denim tool"]
    assert sorted(await search(new_uow, "denim", author_organisation_id=ORGANISATION)) == [
        "Denim guía",
        "Denim tool",
    ]
    assert await search(new_uow, "denim", region="nowhere") == []
    async with new_uow().reading() as uow:
        page = await uow.resources.search(SearchQuery("denim", language=Language.EN))
    assert page.total == 2
    assert page.facets["kind"] == {"case_study": 1, "tool": 1}
    assert page.facets["tag"] == {"denim": 2, "water": 1}
    assert page.facets["language"] == {"en": 2}
    assert page.facets["author_organisation_id"] == {str(ORGANISATION): 1, str(OTHER): 1}
    assert page.facets["value_chain"] == {"apparel": 2} and page.facets["region"] == {"ES51": 2}


async def test_a_republished_resource_is_found_by_its_new_words_only(new_uow) -> None:  # type: ignore[no-untyped-def]
    first = a_resource(Language.EN, "Wool guide", "x")
    await stored(new_uow, first)
    edited = workflow.edit(first, Content(title="Cashmere guide", summary="s", body="b"), by=WRITER, at=NOON)
    async with new_uow() as uow:
        await uow.resources.save(edited)
        await uow.commit()
    assert await search(new_uow, "wool") == ["Wool guide"]  # the published revision stays until replaced
    submitted, _ = workflow.submit(edited, by=WRITER, at=NOON)
    republished, _ = workflow.publish(submitted, by=WRITER, at=NOON)
    async with new_uow() as uow:
        await uow.resources.save(republished)
        await uow.commit()
    assert (await search(new_uow, "wool"), await search(new_uow, "cashmere")) == ([], ["Cashmere guide"])


async def test_two_replicas_answering_from_their_kept_answers_both_see_a_publication_at_once(
    new_uow,
) -> None:  # type: ignore[no-untyped-def]
    replicas = (SearchCache(), SearchCache())
    query = SearchQuery("denim")
    await stored(new_uow, a_resource(Language.EN, "Denim guide", "x"))
    for answers in replicas:
        first = await reads.search_resources(new_uow(), query, answers)
        assert first.total == 1
        assert await reads.search_resources(new_uow(), query, answers) is first  # kept, not searched again

    await stored(new_uow, a_resource(Language.EN, "Denim tool", "x"))  # by whichever replica: one row

    for answers in replicas:
        assert (await reads.search_resources(new_uow(), query, answers)).total == 2


async def test_unpublishing_and_new_title_words_change_the_search_generation(new_uow) -> None:  # type: ignore[no-untyped-def]
    async def generation() -> int:
        async with new_uow().reading() as uow:
            return await uow.resources.search_generation()

    resource = a_resource(Language.EN, "Linen guide", "x")
    before = await generation()
    await stored(new_uow, resource)
    published = await generation()
    archived, _ = workflow.archive(resource, by=WRITER, at=NOON)
    async with new_uow() as uow:
        await uow.resources.save(archived)
        await uow.commit()
    assert before < published < await generation()
