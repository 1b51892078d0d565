"""Every e-mail row the routing or a digest writes renders, in every platform language, with the
event's title, the facts' labels and coded values in that language (never English in another)."""

from datetime import UTC, datetime
from uuid import uuid4

import pytest

from notifications.adapters.email_templates import TEMPLATES, JinjaEmailRenderer
from notifications.adapters.email_words import load_words
from notifications.domain.audiences import organisation_ids_in
from notifications.domain.digests import DigestDue, digest_email
from notifications.domain.email import PLATFORM_LANGUAGES, EmailDelivery
from notifications.domain.inbox import Occurrence, PersonNotification, plan
from notifications.domain.preferences import Frequency
from notifications.domain.recipients import Recipient
from notifications.domain.routing import ROUTES, Channel, Route

from .sample_events import sample_event

WEB = "https://cloth.example"
renderer = JinjaEmailRenderer(web_url=WEB)
WORDS = load_words(TEMPLATES, PLATFORM_LANGUAGES)
EMAIL_ROUTES = [r for r in ROUTES if any(Channel.EMAIL in t.channels for t in r.tells)]
OWN_TEMPLATES = {
    "SMEJoined": "welcome",
    "StakeholderJoined": "welcome",
    "ExchangeRequested": "ExchangeRequested",
}


def recipient(language: str) -> Recipient:
    return Recipient(uuid4(), "Laia Puig", "laia@example.org", language, frozenset({"organisation_member"}))


def record_of(route: Route, language: str) -> tuple[Occurrence, PersonNotification, EmailDelivery]:
    payload = sample_event(route.event_type).model_dump(mode="json")
    names = {org: f"Organisation {n}" for n, org in enumerate(sorted(organisation_ids_in(payload)))}
    occurrence = Occurrence(uuid4(), route.event_type, payload, datetime.now(UTC), names)
    person = recipient(language)
    # Immediate whatever the category's default, so every route writes its row now.
    choices = {person.person_id: {(route.category, Channel.EMAIL): Frequency.IMMEDIATE}}
    [planned] = plan(route, occurrence, [(person, Channel.EMAIL)], choices)
    assert planned.email is not None
    return occurrence, planned.notification, planned.email


@pytest.mark.parametrize("language", PLATFORM_LANGUAGES)
@pytest.mark.parametrize("route", EMAIL_ROUTES, ids=lambda r: r.event_type)
def test_the_row_an_event_writes_renders_in_the_persons_language(route: Route, language: str) -> None:
    _, _, email = record_of(route, language)

    rendered = renderer.render(email.template, email.language, email.context)

    assert email.template == OWN_TEMPLATES.get(route.event_type, "generic")
    assert rendered.language == language and rendered.subject
    assert "Laia Puig" in rendered.text
    assert f"{WEB}/" in rendered.text and f'href="{WEB}/' in rendered.html
    assert "Sample" not in rendered.subject
    if email.template == "generic":
        assert_in_own_words(
            language, route.event_type, email.context["facts"], rendered.subject, rendered.text
        )


def assert_in_own_words(
    language: str, event_type: str, facts: list[list[str]], subject: str, text: str
) -> None:
    """The title and every fact's label are the language's own; where English differs, no English."""
    words, english = WORDS[language], WORDS["en"]
    assert words.title(event_type) in subject
    if language != "en":
        assert english.title(event_type) not in subject
    for field, value in facts:
        assert words.fact(field, value) in text
        if english.labels[field] != words.labels[field]:
            assert english.fact(field, value) not in text


def test_a_generic_row_tells_the_events_facts_and_names_organisations() -> None:
    route = next(r for r in EMAIL_ROUTES if r.event_type == "ExchangeApproved")
    occurrence, _, email = record_of(route, "en")

    rendered = renderer.render(email.template, "en", email.context)

    exchange = occurrence.payload["exchange"]
    assert rendered.subject == "Exchange approved"
    assert exchange["activity_kind"] == "capacity_building" and exchange["first_day"] == "2027-03-01"
    assert "From: 1 March 2027" in rendered.text and "Activity: capacity building" in rendered.text
    assert f"{WEB}/exchange/{exchange['exchange_id']}" in rendered.text
    assert "Visitor: Organisation" in rendered.text and "Host: Organisation" in rendered.text


@pytest.mark.parametrize("language", PLATFORM_LANGUAGES)
@pytest.mark.parametrize("frequency", [Frequency.DAILY_DIGEST, Frequency.WEEKLY_DIGEST])
def test_a_digest_of_every_routed_event_renders_in_every_language(
    frequency: Frequency, language: str
) -> None:
    person = recipient(language)
    items = [record_of(route, language)[1] for route in EMAIL_ROUTES]
    pending = DigestDue(person, frequency, items, last_sent_at=None)

    email = digest_email(pending, datetime.now(UTC))
    rendered = renderer.render(email.template, email.language, email.context)

    assert (email.template, rendered.language) == ("digest", language)
    assert f"({len(EMAIL_ROUTES)})" in rendered.subject
    assert f"• {WORDS[language].title('ExchangeRequested')}\n" in rendered.text
    assert f"  {WORDS[language].fact('title', 'Sample title')}\n" in rendered.text
    for item in email.context["items"]:
        assert_in_own_words(language, item["event_type"], item["facts"], rendered.text, rendered.text)
    assert f"{WEB}/inbox" in rendered.text


def test_a_bulgarian_generic_row_writes_title_labels_dates_and_codes_in_bulgarian() -> None:
    route = next(r for r in EMAIL_ROUTES if r.event_type == "ExchangeApproved")
    _, _, email = record_of(route, "bg")

    rendered = renderer.render(email.template, email.language, email.context)

    assert rendered.subject == "Обменът е одобрен"
    assert "Посетител: Organisation " in rendered.text and "Домакин: Organisation " in rendered.text
    assert "От: 1 март 2027\u202fг." in rendered.text and "Дейност: изграждане на капацитет" in rendered.text
