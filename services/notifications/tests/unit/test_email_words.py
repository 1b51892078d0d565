"""The words a mail gives the codes its row keeps: every language names every event and field,
English lies beneath what a language lacks, and rows written before codes still render."""

import shutil
import tomllib
from pathlib import Path

import pytest

from notifications.adapters.email_templates import TEMPLATES, JinjaEmailRenderer, TemplateError
from notifications.adapters.email_words import WORDS_FILE
from notifications.domain.email import PLATFORM_LANGUAGES
from notifications.domain.email_context import FACT_FIELDS
from notifications.domain.routing import ROUTES

WEB = "https://cloth.example"
renderer = JinjaEmailRenderer(web_url=WEB)
APPROVED = {
    "display_name": "Laia Puig",
    "event_type": "ExchangeApproved",
    "facts": [["visitor_organisation_id", "Teixits Igualada SL"], ["first_day", "2027-03-01"]],
    "action_path": "/exchange/1",
}


def catalogue(language: str) -> dict:
    with (TEMPLATES / language / WORDS_FILE).open("rb") as file:
        return tomllib.load(file)


@pytest.mark.parametrize("language", PLATFORM_LANGUAGES)
def test_every_language_names_every_routed_event_every_fact_and_every_code_itself(language: str) -> None:
    words, english = catalogue(language), catalogue("en")

    assert {route.event_type for route in ROUTES} <= set(words["titles"])
    assert set(FACT_FIELDS) <= set(words["labels"])
    for field, codes in english["codes"].items():
        assert set(codes) <= set(words["codes"][field]), field
    assert words["locale"] and "{label}" in words["fact"] and "{value}" in words["fact"]


@pytest.mark.parametrize("language", [lang for lang in PLATFORM_LANGUAGES if lang != "en"])
def test_no_language_copies_the_english_titles(language: str) -> None:
    titles, english = catalogue(language)["titles"], catalogue("en")["titles"]
    assert not {event for event, title in titles.items() if title == english[event]}


def test_a_word_a_language_lacks_is_the_english_one(tmp_path: Path) -> None:
    shutil.copytree(TEMPLATES, tmp_path / "email")
    (tmp_path / "email" / "es" / WORDS_FILE).write_text(
        'locale = "es"\n[titles]\nExchangeApproved = "Intercambio aprobado"\n[labels]\nfirst_day = "Desde"\n',
        encoding="utf-8",
    )
    partial = JinjaEmailRenderer(tmp_path / "email")

    approved = partial.render("generic", "es", APPROVED)
    cancelled = partial.render("generic", "es", {**APPROVED, "event_type": "ExchangeCancelled"})

    assert approved.subject == "Intercambio aprobado" and "Hola, Laia Puig:" in approved.text
    assert "Visitor: Teixits Igualada SL" in approved.text and "Desde: 1 de marzo de 2027" in approved.text
    assert cancelled.subject == "Exchange cancelled"


def test_a_language_without_a_words_file_writes_english_words_in_its_own_sentences(tmp_path: Path) -> None:
    shutil.copytree(TEMPLATES, tmp_path / "email")
    (tmp_path / "email" / "ro" / WORDS_FILE).unlink()

    email = JinjaEmailRenderer(tmp_path / "email").render("generic", "ro", APPROVED)

    assert email.subject == "Exchange approved" and "Visitor: Teixits Igualada SL" in email.text
    assert "From: 1 March 2027" in email.text and "Bună ziua" in email.text


def test_an_event_no_language_names_is_titled_from_its_type() -> None:
    email = renderer.render("generic", "fr", {**APPROVED, "event_type": "ExchangeTeleported"})
    assert email.subject == "Exchange teleported"


def test_a_row_written_before_facts_renders_its_english_title_and_lines_as_stored() -> None:
    old = {
        "display_name": "Ivan Petrov",
        "event_type": "ExchangeApproved",
        "title": "Exchange approved",
        "lines": ["Visitor: Teixits Igualada SL", "From: 2027-03-01"],
        "action_path": "/exchange/1",
    }

    email = renderer.render("generic", "bg", old)

    assert email.subject == "Exchange approved"
    assert "Visitor: Teixits Igualada SL\n\nFrom: 2027-03-01" in email.text
    assert "Здравейте, Ivan Petrov," in email.text and "Отворете го в платформата CLOTH:" in email.text


def test_a_digest_written_before_facts_renders_its_items_as_stored_beside_new_ones() -> None:
    context = {
        "period": "daily",
        "items": [
            {"event_type": "ExchangeApproved", "title": "Exchange approved", "lines": ["Host: Moda Ruse"]},
            {"event_type": "ExchangeApproved", "facts": [["host_organisation_id", "Moda Ruse"]]},
        ],
    }

    email = renderer.render("digest", "ca", context)

    assert "• Exchange approved\n  Host: Moda Ruse\n" in email.text
    assert "• Intercanvi aprovat\n  Amfitrió: Moda Ruse\n" in email.text


def test_amounts_and_dates_are_written_the_readers_way_and_a_value_that_is_neither_stays() -> None:
    context = {
        **APPROVED,
        "event_type": "LumpSumPaymentOverdue",
        "facts": [["payment_due", "2027-04-10"], ["amount_eur", "1550.00"], ["due", "soon"]],
    }

    email = renderer.render("generic", "da", context)

    assert "Betalingsfrist: 10. april 2027" in email.text and "Beløb (EUR): 1.550,00" in email.text
    assert "Frist: soon" in email.text


def test_a_value_that_is_data_is_told_as_it_is_even_when_it_looks_like_a_code() -> None:
    """Only coded fields (`[codes.<field>]`) are translated: a title is the author's words."""
    context = {**APPROVED, "facts": [["title", "market_research"], ["activity_kind", "market_research"]]}
    text = renderer.render("generic", "fr", context).text
    assert "Titre\u00a0: market_research" in text and "Activité\u00a0: étude de marché" in text


def test_a_hostile_name_in_a_fact_arrives_escaped_in_html_and_as_typed_in_plain_text() -> None:
    hostile = "<script>alert(1)</script>"
    context = {**APPROVED, "facts": [["visitor_organisation_id", hostile]]}
    digest = {"period": "daily", "items": [{"event_type": "ExchangeApproved", "facts": context["facts"]}]}

    for email in (renderer.render("generic", "ro", context), renderer.render("digest", "ro", digest)):
        assert "<script>" not in email.html
        assert "Vizitator: &lt;script&gt;alert(1)&lt;/script&gt;" in email.html
        assert f"Vizitator: {hostile}" in email.text


def test_facts_that_are_not_pairs_fail_the_row_as_a_template_error() -> None:
    with pytest.raises(TemplateError):
        renderer.render("generic", "en", {**APPROVED, "facts": [["title"]]})
