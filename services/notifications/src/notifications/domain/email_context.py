"""What an e-mail about an event says: the template its row names and the context that template reads.

Every row the routing writes must render (docs/email.md lists each template's keys): `welcome`
for an organisation that joined, `ExchangeRequested` for a host's new request, `digest` for a
summary, `generic` for every other event. A row keeps what happened as data, in no language:
`event_type` and `facts`, a few `[field, value]` pairs read from the payload (names, dates,
titles; dates ISO; codes such as `knowledge_sharing` as they are). The renderer words them in
the reader's language when the mail goes (adapters/email_words.py, `<lang>/_words.toml`: the
event's title, each field's label, coded values; dates and amounts the language's way), English
beneath any word a language lacks; so no title or label is stored in one language. Rows written
before `facts` carry English `title` and `lines`, as does a partner's notice (its own text): the
renderer sends those as they are.
`action_path` is a page of the web app; the renderer makes it a link under the configured web
address, so a row does not depend on where the app was served when it was written.
"""

import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from functools import cache
from typing import Any
from uuid import UUID

WELCOME = "welcome"
GENERIC = "generic"
DIGEST = "digest"
WELCOME_EVENTS = frozenset({"SMEJoined", "StakeholderJoined"})
# Event types with a template of their own (named as the event).
OWN_TEMPLATES = frozenset({"ExchangeRequested"})
MAX_FACTS = 6
MAX_VALUE_LENGTH = 200

# Payload fields worth telling, in the order they are told (each has a label in every
# `_words.toml`); ids of organisations are told by name.
FACT_FIELDS = (
    "title",
    "legal_name",
    "display_name",
    "visitor_organisation_id",
    "host_organisation_id",
    "author_organisation_id",
    "first_day",
    "last_day",
    "activity_kind",
    "place",
    "report_due",
    "payment_due",
    "due",
    "amount_eur",
    "valid_until",
    "level",
    "role",
    "reason",
    "comment",
)
# Fields whose values the renderer writes the reader's way: ISO dates, and decimal amounts.
DATE_FIELDS = frozenset({"first_day", "last_day", "report_due", "payment_due", "due", "valid_until"})
AMOUNT_FIELDS = frozenset({"amount_eur"})
ORGANISATION_FIELDS = frozenset(
    {"visitor_organisation_id", "host_organisation_id", "author_organisation_id", "organisation_id"}
)
# The web app's page for what an event is about, by the id the payload carries (first found).
PAGES = (("exchange_id", "/exchange/{}"), ("resource_id", "/library/{}"), ("course_id", "/training/{}"))
INBOX_PAGE = "/inbox"


@cache
def title_of(event_type: str) -> str:
    """`ExchangeRequested` → "Exchange requested": the in-app record's title (clients translate
    by `event_type`), and a mail's for an event no `_words.toml` names yet."""
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z][a-z]*|[a-z]+", event_type)
    return " ".join([words[0], *(w if w.isupper() and len(w) > 1 else w.lower() for w in words[1:])])


def template_for(event_type: str) -> str:
    if event_type in WELCOME_EVENTS:
        return WELCOME
    return event_type if event_type in OWN_TEMPLATES else GENERIC


def event_email_context(
    event_type: str,
    payload: Mapping[str, Any],
    organisation_names: Mapping[UUID, str],
    *,
    display_name: str,
) -> dict[str, Any]:
    """The keys every template of an event row may read, and those its own template needs."""
    context: dict[str, Any] = {
        "display_name": display_name,
        "event_type": event_type,
        "facts": facts_of(payload, organisation_names),
        "action_path": page_of(payload),
    }
    if event_type in WELCOME_EVENTS:
        organisation = payload.get("organisation")
        name = organisation.get("legal_name") if isinstance(organisation, Mapping) else None
        context["organisation_name"] = name or ""
    if event_type == "ExchangeRequested":
        exchange = payload.get("exchange")
        exchange = exchange if isinstance(exchange, Mapping) else {}
        context |= {key: exchange.get(key, "") for key in ("first_day", "last_day", "activity_kind")}
        visitor = _organisation_name(exchange.get("visitor_organisation_id"), organisation_names)
        if visitor:
            context["visitor_name"] = visitor
    return context


def digest_context(
    frequency: str, display_name: str, items: Sequence[tuple[str, Mapping[str, Any], datetime]]
) -> dict[str, Any]:
    """A summary's keys: `period` and per item (event type, its record's context, when) its
    facts, from the payload and organisation names the record kept."""
    return {
        "display_name": display_name,
        "period": "weekly" if frequency.startswith("weekly") else "daily",
        "action_path": INBOX_PAGE,
        "items": [
            {
                "event_type": event_type,
                "occurred_at": at.isoformat(),
                "facts": facts_of(_mapping(kept.get("event")), _names(kept.get("organisation_names"))),
            }
            for event_type, kept, at in items
        ],
    }


def facts_of(payload: Mapping[str, Any], organisation_names: Mapping[UUID, str]) -> list[list[str]]:
    """A few `[field, value]` pairs from the payload's telling fields, in FACT_FIELDS order."""
    found: dict[str, str] = {}
    for key, value in _fields(payload):
        if key not in FACT_FIELDS or key in found:
            continue
        text = _organisation_name(value, organisation_names) if key in ORGANISATION_FIELDS else _plain(value)
        if text:
            found[key] = _one_line(text)
    return [[key, found[key]] for key in FACT_FIELDS if key in found][:MAX_FACTS]


def page_of(payload: Mapping[str, Any]) -> str:
    ids = dict(_fields(payload))
    for key, page in PAGES:
        if isinstance(ids.get(key), str):
            return page.format(ids[key])
    return INBOX_PAGE


def _fields(payload: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """Every (key, value) of the payload, outer fields before nested ones."""
    nested: list[Mapping[str, Any]] = []
    for key, value in payload.items():
        if type(value) is dict or isinstance(value, Mapping):  # a JSON payload's are dicts: fast
            nested.append(value)
        else:
            yield key, value
    for inner in nested:
        yield from _fields(inner)


def _plain(value: Any) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, list | tuple | dict):
        return ""
    return str(value)


def _organisation_name(value: Any, names: Mapping[UUID, str]) -> str:
    try:
        return names.get(UUID(str(value)), "")
    except ValueError:
        return ""


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= MAX_VALUE_LENGTH else line[: MAX_VALUE_LENGTH - 1].rstrip() + "…"


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _names(value: Any) -> dict[UUID, str]:
    names: dict[UUID, str] = {}
    for key, name in _mapping(value).items():
        try:
            names[UUID(str(key))] = str(name)
        except ValueError:
            continue
    return names
