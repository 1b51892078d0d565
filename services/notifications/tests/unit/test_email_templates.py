"""E-mail templates: every message in every platform language, escaped, English as fallback."""

import pytest

from notifications.adapters.email_templates import JinjaEmailRenderer, TemplateError
from notifications.domain.email import PLATFORM_LANGUAGES

from .email_examples import CONTEXTS

renderer = JinjaEmailRenderer()


@pytest.mark.parametrize("language", PLATFORM_LANGUAGES)
@pytest.mark.parametrize("template", list(CONTEXTS))
def test_every_template_renders_in_every_platform_language(template: str, language: str) -> None:
    email = renderer.render(template, language, CONTEXTS[template])
    assert email.language == language
    assert email.subject and "\n" not in email.subject
    assert email.html.startswith("<!DOCTYPE html>") and f'<html lang="{language}">' in email.html
    for url in (v for k, v in CONTEXTS[template].items() if k.endswith("_url")):
        assert url in email.text
        assert f'<a href="{url}"' in email.html


@pytest.mark.parametrize("template", list(CONTEXTS))
def test_each_language_has_its_own_words_not_a_copy_of_english(template: str) -> None:
    english = renderer.render(template, "en", CONTEXTS[template])
    subjects = {renderer.render(template, lang, CONTEXTS[template]).subject for lang in PLATFORM_LANGUAGES}
    bodies = {renderer.render(template, lang, CONTEXTS[template]).text for lang in PLATFORM_LANGUAGES}
    assert len(subjects) == len(PLATFORM_LANGUAGES), subjects
    assert len(bodies) == len(PLATFORM_LANGUAGES)
    assert english.subject in subjects


def test_a_bulgarian_exchange_request_names_the_activity_and_dates_in_bulgarian() -> None:
    email = renderer.render("ExchangeRequested", "bg-BG", CONTEXTS["ExchangeRequested"])
    assert email.language == "bg"
    assert email.subject == "Нова заявка за Fashion ClusterXchange от Bucharest Knitwear SRL"
    assert "Дейност: обмен на знания" in email.text
    assert "Дати: 1 март 2027\u202fг. – 5 март 2027\u202fг." in email.text
    assert "Здравейте, Ivan Petrov," in email.text


def test_an_unknown_language_is_written_to_in_english() -> None:
    email = renderer.render("SMEJoined", "tlh", CONTEXTS["SMEJoined"])
    assert (email.language, email.subject) == ("en", "Welcome to the CLOTH alliance, Teixits Igualada SL")


def test_an_event_without_its_own_template_gets_the_generic_one_in_the_readers_words() -> None:
    email = renderer.render("ExchangeCompleted", "fr", CONTEXTS["ExchangeCompleted"])
    assert email.subject == "Échange terminé"
    assert "Bonjour Ana," in email.text
    assert "Hôte\u00a0: Teixits Igualada SL" in email.text and "Fin\u00a0: 5 mars 2027" in email.text


def test_a_digest_names_each_item_in_the_readers_words() -> None:
    email = renderer.render("digest", "da", CONTEXTS["digest"])
    assert "• Anmodning om udveksling\n  Besøgende: Bucharest Knitwear SRL\n" in email.text
    assert "• Ny SMV i alliancen\n" in email.text


def test_a_template_name_that_is_a_path_is_never_loaded_as_one() -> None:
    email = renderer.render("../_common", "en", {"title": "Hi", "lines": []})
    assert email.subject == "Hi"


def test_a_name_with_markup_arrives_escaped_in_html_and_as_typed_in_plain_text() -> None:
    context = {
        **CONTEXTS["SMEJoined"],
        "display_name": "<script>alert(1)</script>",
        "organisation_name": "A&B",
    }
    email = renderer.render("SMEJoined", "en", context)
    assert "<script>" not in email.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in email.html and "A&amp;B" in email.html
    assert "Hello <script>alert(1)</script>," in email.text


def test_only_the_platforms_own_links_are_made_clickable() -> None:
    context = {**CONTEXTS["SMEJoined"], "organisation_name": "https://evil.example/login"}
    email = renderer.render("SMEJoined", "en", context)
    assert "https://evil.example/login" in email.html
    assert 'href="https://evil.example' not in email.html


def test_a_subject_loses_line_breaks_and_control_characters() -> None:
    email = renderer.render(
        "generic", "en", {"title": "Hello\r\nBcc: all@example.org\x00\u202e", "lines": []}
    )
    assert email.subject == "Hello Bcc: all@example.org"


def test_security_mails_say_they_are_sent_whatever_the_settings() -> None:
    email = renderer.render("address_verification", "en", CONTEXTS["address_verification"])
    assert "whatever your notification settings" in email.text
    assert "expires in 24 hours" in email.text


def test_romanian_counts_hours_with_de_from_twenty_on() -> None:
    context = CONTEXTS["address_verification"]
    assert "expiră în 24 de ore" in renderer.render("address_verification", "ro", context).text
    short = renderer.render("address_verification", "ro", {**context, "valid_hours": 2}).text
    assert "expiră în 2 ore" in short


def test_a_context_missing_a_key_the_template_needs_is_refused() -> None:
    with pytest.raises(TemplateError):
        renderer.render("address_verification", "en", {"display_name": "Ana"})
