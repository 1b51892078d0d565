"""Knowledge's generator for bench/scale.py: published library resources in the seven languages.

1x = 1,000 resources (the library a few years in), 100x = 100,000, spread evenly over en, es, ca,
bg, fr, ro, da and the seven kinds, each with one published revision and its row in
`published_resources` (what search reads). Texts are made to have the shape of real ones, not
their meaning: a title holds one real textile word of its language (12 per language, in the
inflection a reader might not type) and two made-up words; summaries and bodies mix common words
of the language (stop words included, which the stemmers drop) with made-up words drawn from
10,000 of the language's own, so a made-up word is in about 0.7 % of its language's resources and
a real title word in about 8 % of their titles (the heavy queries: "sostenible" matches about
2,400 Spanish and Catalan resources at 100x): posting lists of a realistic length at both scales.
"""

from collections.abc import Sequence

from bench.scale import generator, organisation_id_sql

RESOURCES_REAL_SIZE = 1_000
LANGUAGES = ("en", "es", "ca", "bg", "fr", "ro", "da")
KINDS = (
    "know_how",
    "best_practice",
    "case_study",
    "guide",
    "tool",
    "regional_analysis",
    "lessons_learned",
)
TITLE_WORDS = {
    "en": "sustainable circular denim dyeing recycling textile fashion cotton wool design supply waste",
    "es": "sostenibles circular tejidos tintes reciclaje moda "
    "algodón lana diseño residuos confección calzado",
    "ca": "sostenibles circular teixits tints reciclatge moda cotó llana disseny residus confecció calçat",
    "bg": "устойчива кръгова деним багрене рециклиране текстил мода памук вълна дизайн отпадъци облекло",
    "fr": "durables circulaire denim teinture recyclage textile "
    "mode coton laine conception déchets confection",
    "ro": "sustenabilă circulară denim vopsire reciclare textile modă bumbac lână design deșeuri confecții",
    "da": "bæredygtige cirkulær denim farvning genbrug tekstil mode bomuld uld design affald beklædning",
}
COMMON_WORDS = {
    "en": "the and of for with in on to a is by from this our",
    "es": "el la de y en con para los las un una por del que",
    "ca": "el la de i en amb per als les un una del que els",
    "bg": "и в на за с от по се са това как при към",
    "fr": "le la de et en avec pour les un une des du que par",
    "ro": "și în de la cu pentru un o din care pe ale mai",
    "da": "og i af til med for en et den det på som fra",
}
LATIN = ("ka", "lo", "mi", "ne", "po", "ra", "si", "tu", "be", "vo", "ga", "da", "je", "zi", "le", "mo", "nu",
         "pe", "re", "sa", "ti", "ko")  # fmt: skip
CYRILLIC = ("ка", "ло", "ми", "не", "по", "ра", "си", "ту", "бе", "во", "га", "да", "же", "зи", "ле", "мо",
            "ну", "пе", "ре", "са", "ти", "ко")  # fmt: skip
MADE_UP = 10_000
# Each language's made-up words end in a letter of their own: no two languages share one.
ENDINGS = {"en": "n", "es": "o", "ca": "t", "bg": "н", "fr": "e", "ro": "u", "da": "k"}


def _array(words: Sequence[str]) -> str:
    return "ARRAY[" + ", ".join(f"'{w}'" for w in words) + "]"


def _vocabulary_sql() -> str:
    rows = []
    for language in LANGUAGES:
        syllables, ending = (CYRILLIC if language == "bg" else LATIN), ENDINGS[language]
        rows.append(
            f"('{language}', {_array(TITLE_WORDS[language].split())}, "
            f"{_array(COMMON_WORDS[language].split())}, {_array(syllables)}, '{ending}')"
        )
    return "VALUES " + ", ".join(rows)


def made_up(language: str, k: int) -> str:
    """The k-th made-up word of a language, as the SQL below spells it (for queries)."""
    syllables = CYRILLIC if language == "bg" else LATIN
    n = len(syllables)
    return syllables[k % n] + syllables[(k // n) % n] + syllables[(k // (n * n)) % n] + ENDINGS[language]


# Word w (0-based) of resource n: a made-up word, or every third one a common word.
_WORD = """
CASE WHEN (w + n) % 3 = 0 THEN v.common[1 + (n * 7 + w * 13) % cardinality(v.common)]
ELSE v.syllables[1 + (k % 22)] || v.syllables[1 + (k / 22) % 22] || v.syllables[1 + (k / 484) % 22]
     || v.ending
END"""


def _words(count: int, salt: int) -> str:
    made = f"(abs(hashtext(n::text || '-{salt}-' || w)) % {MADE_UP})"
    word = _WORD.replace("k %", f"{made} %").replace("(k /", f"({made} /")
    return f"(SELECT string_agg({word}, ' ') FROM generate_series(0, {count - 1}) AS w)"


@generator(
    "knowledge",
    "resources",
    real_size=RESOURCES_REAL_SIZE,
    count_sql="SELECT count(*) FROM resources WHERE source_key LIKE 'scale-%'",
)
async def _resources(connection, first: int, last: int) -> None:  # type: ignore[no-untyped-def]
    await connection.execute(
        f"""
        WITH vocabulary (language, title_words, common, syllables, ending) AS ({_vocabulary_sql()}),
        made AS (
            SELECT n, md5('cloth-scale-resource-' || n)::uuid AS id, v.language,
                   (ARRAY{list(KINDS)})[1 + (n / 7) % 7] AS kind,
                   {organisation_id_sql("1 + n % 50")} AS organisation_id,
                   initcap(v.title_words[1 + (n / 7) % 12]) || ' ' || {_words(2, 1)} AS title,
                   {_words(12, 2)} AS summary,
                   {_words(90, 3)} AS body,
                   now() - make_interval(mins => n) AS at
            FROM generate_series($1::int, $2::int) AS n
            JOIN vocabulary v ON v.language = (ARRAY{list(LANGUAGES)})[1 + n % 7]
        ), resources_made AS (
            INSERT INTO resources (id, group_id, kind, language, author_organisation_id, created_at,
                                   source_key, latest_status)
            SELECT id, id, kind, language, organisation_id, at, 'scale-' || n, 'published' FROM made
            ON CONFLICT DO NOTHING RETURNING id
        ), revisions_made AS (
            INSERT INTO resource_revisions (resource_id, number, title, summary, body, tags, value_chains,
                                            regions, links, status, written_at, decided_at)
            SELECT id, 1, title, summary, body, ARRAY['tag-' || n % 40], ARRAY['fashion_textile'],
                   ARRAY['ES51'], ARRAY[]::text[], 'published', at, at
            FROM made WHERE id IN (SELECT id FROM resources_made)
        )
        INSERT INTO published_resources (resource_id, group_id, kind, language, author_organisation_id,
                                         revision, title, summary, body_text, tags, value_chains, regions,
                                         published_at)
        SELECT id, id, kind, language, organisation_id, 1, title, summary, body, ARRAY['tag-' || n % 40],
               ARRAY['fashion_textile'], ARRAY['ES51'], at
        FROM made WHERE id IN (SELECT id FROM resources_made)
        """,
        first,
        last,
    )
    await connection.execute(
        """
        INSERT INTO library_title_words (word)
        SELECT DISTINCT word FROM published_resources p,
               unnest(tsvector_to_array(to_tsvector('simple', p.title))) AS word
        WHERE p.resource_id IN (SELECT md5('cloth-scale-resource-' || n)::uuid
                                FROM generate_series($1::int, $2::int) AS n)
        ON CONFLICT DO NOTHING
        """,
        first,
        last,
    )
